using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>A facilitator sets up a practice program; a participant opens their rooms from their link, without an account.</summary>
public sealed class FormationJourneyTests
{
    [Fact]
    public async Task Facilitator_SetsUpAProgram_ParticipantSeesTheirRooms()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-formation");
        await using var hub = await HubProcess.StartAsync(folder, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["RateLimits:AccountFormsPerMinute"] = "100",
            ["Formation:SearchIterations"] = "20000", // a step cap, not the clock: the same rooms on any machine
        });
        await using var browser = await BrowserSession.StartAsync("formation-journey");
        var page = browser.Page;
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-up");
        await page.GetByLabel("Your name").FillAsync("Rosa Bright");
        await page.GetByLabel("Email address").FillAsync("rosa@test.example");
        await page.GetByLabel("Password").FillAsync("kettle on the stove");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.GotoAsync(SmtpSink.LinkIn(await smtp.WaitForAsync("rosa@test.example", "Confirm your email"), "/account/confirm-email"));
        await page.GotoAsync($"{hub.BaseUrl}/account/sign-in?returnUrl=/programs");
        await page.GetByLabel("Email address").FillAsync("rosa@test.example");
        await page.GetByLabel("Password").FillAsync("kettle on the stove");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("No program yet");
        await browser.CheckPageAsync("programs-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up a program" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Spring practice calls");
        var roster = new[] { "Ana Lima", "Ben Okafor", "Cai Wren", "Dee Marsh", "Eli Stone", "Fay Moreno", "Gus Hale", "Hana Ito", "Ivo Brand", "Jo Quist" };
        await page.GetByLabel("Participants").FillAsync(string.Join("\n", roster.Select(n => $"{n}, {n.Split(' ')[0].ToLowerInvariant()}@test.example")));
        await page.GetByLabel("Group size in each call").FillAsync("2, 2, 3, 3, 12");
        await page.GetByLabel("Who is away (optional)").FillAsync("3: Zed Nobody");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and make the rooms" }).ClickAsync();
        await Assertions.Expect(page.Locator("#absences-error")).ToContainTextAsync("who is not in the program");
        await browser.CheckPageAsync("program-with-errors");
        await page.GetByLabel("Who is away (optional)").FillAsync("3: Ben Okafor, cai@test.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and make the rooms" }).ClickAsync();
        await Assertions.Expect(page.Locator("#calls-error")).ToContainTextAsync("Call 5 asks for groups of 12, but only 10 people");
        await page.GetByLabel("Group size in each call").FillAsync("2, 2, 3, 3, 5, all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and make the rooms" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring practice calls" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.program-call")).ToHaveCountAsync(6);
        await browser.CheckPageAsync("program");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Zoom breakout file for call 1" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("Pre-assign Room Name,Email Address", csv[0]);
        Assert.Equal(11, csv.Length);

        var link = await page.Locator("tbody tr", new() { HasText = "ben@test.example" }).Locator("a.secret-link").GetAttributeAsync("href");
        await page.GetByRole(AriaRole.Link, new() { Name = "Printable rounds" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.print-call")).ToHaveCountAsync(6);
        await browser.CheckPageAsync("program-print");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await browser.PhotographAsync("print-media.png");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Ben has no account: his link alone opens his rooms.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"{hub.BaseUrl}{link}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your rooms, Ben Okafor" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.your-rooms > li").Nth(2)).ToContainTextAsync("away from this call");
        await browser.CheckPageAsync("participant-rooms");
    }
}
