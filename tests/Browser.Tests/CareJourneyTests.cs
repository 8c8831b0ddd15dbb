using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>A host opens the demo congregation's care view, writes a kind note to a newcomer still without a crew, and sees it sent.</summary>
public sealed class CareJourneyTests
{
    [Fact]
    public async Task Host_OpensTheCareView_AndSendsANoteToANewcomer()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-care");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
        });
        var lines = hub.Output.ToList();
        var email = lines.Single(l => l.TrimStart().StartsWith("Email:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var password = lines.Single(l => l.TrimStart().StartsWith("Password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();

        await using var browser = await BrowserSession.StartAsync("care-journey");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/congregations/riverside/host");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // From the host's dashboard to the care view, through the congregation's navigation.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Riverside Congregation" }).GetByRole(AriaRole.Link, new() { Name = "Care", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Care", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".big-share strong")).ToContainTextAsync("%");
        await page.GetByText("The figures month by month").ClickAsync(); // the table behind the picture, opened for axe to read too
        await browser.CheckPageAsync("care");

        var newcomers = page.GetByRole(AriaRole.Region, new() { Name = "Newcomers still without a crew after four weeks" });
        var link = newcomers.GetByRole(AriaRole.Link).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Write to ") }).First;
        var name = (await link.TextContentAsync())!["Write to ".Length..];
        await link.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your note")).ToContainTextAsync("one of the hosts of Riverside Congregation");
        await browser.CheckPageAsync("care-note");
        await page.GetByLabel("Your note").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the note" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message-error")).ToContainTextAsync("Write a few words");
        await browser.CheckPageAsync("care-note-empty");
        await page.GetByLabel("Your note").FillAsync("We'd love to see you at the autumn gathering; a few crews may start there.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the note" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sent.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Newcomers still without a crew after four weeks" })).ToContainTextAsync("had a note on");
        await browser.CheckPageAsync("care-after-note");
        Assert.False(string.IsNullOrEmpty(name));
    }
}
