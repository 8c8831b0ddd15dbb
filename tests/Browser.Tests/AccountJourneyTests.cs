using System.Text.Json;
using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>One person's whole account life, the way they would click through it.</summary>
public sealed class AccountJourneyTests
{
    [Fact]
    public async Task Newcomer_SignsUpConfirmsLandsHomeSignedInDownloadsDataAndDeletesAccount()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
        });
        await using var browser = await BrowserSession.StartAsync("account-journey");
        var page = browser.Page;

        await page.GotoAsync(hub.BaseUrl);
        await browser.CheckPageAsync("home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Join the hub" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("sign-up");

        // A weak password first: the form comes back with the reason and what was typed.
        await page.GetByLabel("Your name").FillAsync("Oriel Quist");
        await page.GetByLabel("Email address").FillAsync("oriel@test.example");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("at least 10 characters");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("oriel@test.example");
        await browser.CheckPageAsync("sign-up-weak-password");

        await page.GetByLabel("Password").FillAsync("moss on the north side");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("check-email");

        var mail = await smtp.WaitForAsync("oriel@test.example", "Confirm your email");
        Assert.NotNull(mail.HtmlBody);
        // The link confirms and signs in: the newcomer lands on their own home without typing the password again.
        await page.GotoAsync(SmtpSink.LinkIn(mail, "/account/confirm-email"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Oriel Quist" })).ToBeVisibleAsync();
        Assert.Equal($"{hub.BaseUrl}/", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("you are signed in");
        await Assertions.Expect(page.Locator("#waiting-title + .empty")).ToContainTextAsync("Nothing waits for you");
        await Assertions.Expect(page.Locator(".next-step")).ToContainTextAsync("Find a congregation");
        await browser.CheckPageAsync("personal-home");

        // Signed out on a page, "Sign in" brings the person back to that page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in"); // the sign-out has landed before we move on
        await page.GotoAsync($"{hub.BaseUrl}/gatherings");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync("oriel@test.example");
        await page.GetByLabel("Password").FillAsync("moss on the north side");
        await browser.CheckPageAsync("sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync($"{hub.BaseUrl}/gatherings");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("my-account");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        Assert.Equal("my-hub-data.json", download.SuggestedFilename);
        var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Equal("oriel@test.example", json.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Oriel Quist", json.RootElement.GetProperty("account").GetProperty("displayName").GetString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete my account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("oriel@test.example");
        await browser.CheckPageAsync("delete-account");

        // Forgetting the box: nothing happens, and the page says why.
        await page.GetByLabel("Your password").FillAsync("moss on the north side");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#understood-error")).ToContainTextAsync("Tick the box");
        await browser.CheckPageAsync("delete-account-unconfirmed");

        await page.GetByLabel("Your password").FillAsync("moss on the north side");
        await page.GetByLabel("I understand").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account has been deleted");
        await browser.CheckPageAsync("deleted");
        await smtp.WaitForAsync("oriel@test.example", "Your account was deleted");

        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("oriel@test.example");
        await page.GetByLabel("Password").FillAsync("moss on the north side");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not right");
        await browser.CheckPageAsync("sign-in-after-deletion");
    }
}
