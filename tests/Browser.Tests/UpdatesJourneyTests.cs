using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A newcomer finds the home page, subscribes to the newsletter and confirms from the email; an
/// administrator writes, previews and sends an issue; it arrives and is in the archive. Episodes play.
/// </summary>
public sealed class UpdatesJourneyTests
{
    [Fact]
    public async Task Newcomer_SubscribesAndConfirms_AdminSendsIssue_ItArrivesAndIsArchived()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-updates");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Updates:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "true",
            ["RateLimits:AccountFormsPerMinute"] = "100",
        });
        var lines = hub.Output.ToList();
        var adminEmail = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var adminPassword = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        await using var browser = await BrowserSession.StartAsync("updates-journey");
        var page = browser.Page;

        // The home page, as a newcomer sees it: the demo's episodes and newsletter, and its public gathering.
        await page.GotoAsync($"{hub.BaseUrl}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where to start" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hosting without bossing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=events-title]")).ToContainTextAsync("Riverside autumn gathering");
        await browser.CheckPageAsync("home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hosting without bossing" }).ClickAsync();
        await Assertions.Expect(page.Locator("audio[controls]")).ToHaveCountAsync(1);
        var duration = await page.Locator("audio").EvaluateAsync<double>(
            "a => new Promise(r => { if (a.readyState >= 1) r(a.duration); else a.addEventListener('loadedmetadata', () => r(a.duration)); a.load(); })");
        Assert.InRange(duration, 2.9, 3.1); // the seed's two 1.5 s tones, decoded by the browser
        await browser.CheckPageAsync("episode");

        await page.GotoAsync($"{hub.BaseUrl}/newsletter");
        await browser.CheckPageAsync("newsletter");
        await page.GetByLabel("Email address").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("does not look like an email address");
        await browser.CheckPageAsync("subscribe-error");
        await page.GetByLabel("Email address").FillAsync("newcomer@test.example");
        await page.GetByLabel("Your name").FillAsync("Wren Hollis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("we sent a link to newcomer@test.example");

        await page.GotoAsync(SmtpSink.LinkIn(await smtp.WaitForAsync("newcomer@test.example", "Confirm your newsletter"), "/newsletter/confirm"));
        await browser.CheckPageAsync("confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, subscribe me" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("You are subscribed");

        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/newsletter/write");
        await page.GetByLabel("Email address").FillAsync(adminEmail);
        await page.GetByLabel("Password").FillAsync(adminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Write a newsletter issue" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subject-error")).ToContainTextAsync("Give the issue a subject");
        await browser.CheckPageAsync("write-errors");
        await page.GetByLabel("Subject").FillAsync("Winter gathering: save the date");
        await page.GetByLabel("The issue").FillAsync("Dear friends,\n\nThe **winter gathering** is on the next full moon.\n\n- Bring a friend\n- [Read about gatherings](/handbook)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview strong")).ToHaveTextAsync("winter gathering");
        await browser.CheckPageAsync("write-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to 1 subscriber" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("on its way");

        var arrived = await smtp.WaitForAsync("newcomer@test.example", "Winter gathering");
        Assert.Contains("<strong>winter gathering</strong>", arrived.HtmlBody);
        Assert.NotNull(arrived.Headers["List-Unsubscribe"]);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("1 of 1");
        await browser.CheckPageAsync("write-sent");

        await page.GotoAsync($"{hub.BaseUrl}/newsletter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Winter gathering: save the date" }).ClickAsync();
        await Assertions.Expect(page.Locator(".prose strong")).ToHaveTextAsync("winter gathering");
        await browser.CheckPageAsync("issue");

        await page.GotoAsync($"{hub.BaseUrl}/admin/webhooks");
        await browser.CheckPageAsync("webhooks");
        await page.GotoAsync($"{hub.BaseUrl}/podcast");
        await browser.CheckPageAsync("podcast");

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(SmtpSink.LinkIn(arrived, "/newsletter/unsubscribe"));
        await browser.CheckPageAsync("unsubscribe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("no more newsletters go to newcomer@test.example");
    }
}
