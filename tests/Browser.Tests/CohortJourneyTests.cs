using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// A facilitator offers places in a program by email; a visitor with no account opens the emailed invitation, makes
/// their account from it in one step, and sees their room in each call with the names of the others. Axe on each page.
/// </summary>
public sealed class CohortJourneyTests
{
    [Fact]
    public async Task Visitor_OpensAnEmailedPlace_MakesTheirAccount_AndSeesTheirRooms()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-cohort");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollIntervalMs"] = "200",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
            ["Formation:SearchIterations"] = "20000",
        });
        await using var browser = await BrowserSession.StartAsync("cohort-journey");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-up");
        await page.GetByLabel("Your name").FillAsync("Rosa Bright");
        await page.GetByLabel("Email address").FillAsync("rosa@test.example");
        await page.GetByLabel("Password").FillAsync("kettle on the stove");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.GotoAsync(SmtpSink.LinkIn(await smtp.WaitForAsync("rosa@test.example", "Confirm your email"), "/account/confirm-email"));
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/programs/new");
        await page.GetByLabel("Email address").FillAsync("rosa@test.example");
        await page.GetByLabel("Password").FillAsync("kettle on the stove");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByLabel("Name").FillAsync("Winter practice calls");
        await page.GetByLabel("Participants").FillAsync("Ana Lima, ana@test.example\nBen Okafor, ben@test.example\nCai Wren, cai@test.example\nDee Marsh, dee@test.example");
        await page.GetByLabel("Group size in each call").FillAsync("2, 2, all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and make the rooms" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Winter practice calls" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite 4 by email" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("4 people are invited");
        await browser.CheckPageAsync("program-team");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start call 1" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".start-rooms > li")).ToHaveCountAsync(2);
        await browser.CheckPageAsync("program-start");

        // Ana has no account: the emailed link lets her make one and see her rooms.
        await page.Context.ClearCookiesAsync();
        var link = SmtpSink.LinkIn(await smtp.WaitForAsync("ana@test.example", "Rosa Bright invites you to Winter practice calls"), "/invitations/");
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "An invitation to the practice program “Winter practice calls”" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("program-invitation");
        await page.GetByLabel("Your name").FillAsync("Ana");
        await page.GetByLabel("Password").FillAsync("river stones in spring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account and see the invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.your-rooms > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("ol.your-rooms > li").First).ToContainTextAsync("Room ");
        await Assertions.Expect(page.Locator("ol.your-rooms > li").Nth(2)).ToContainTextAsync("The full circle");
        await browser.CheckPageAsync("program-participant");
    }
}
