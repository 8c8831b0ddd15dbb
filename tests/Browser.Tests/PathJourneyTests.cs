using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// The whole way from a first taste to a crew: a facilitator offers places in a practice program by email; a visitor
/// opens the invitation, makes their account from it and sees their rooms; at the program's end the facilitator forms
/// crews from the cohort, everyone gives their preferences and consents to the crew proposed; the crew plans its
/// meetings, and the first one is in the visitor's private calendar feed. Axe on the pages not checked elsewhere.
/// </summary>
public sealed class PathJourneyTests
{
    private const string Password = "a lantern by the door";

    [Fact]
    public async Task Visitor_FromAnEmailedPlace_SeesTheirRooms_ConsentsToACrew_AndFindsItsFirstMeetingInTheirFeed()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var folder = await MigratedTemplate.NewHubFolderAsync("hub-browser-path");
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
        await using var browser = await BrowserSession.StartAsync("path-journey");
        var page = browser.Page;
        var url = hub.BaseUrl;
        string[] others = ["Ben Tallow", "Cai Ferro", "Dee Lumen"];
        static string Email(string name) => $"{name.Split(' ')[0].ToLowerInvariant()}@test.example";

        await AccountSteps.SignUpAsync(page, url, smtp, "Rosa Hearth", "rosa@test.example", Password);
        foreach (var name in others)
        {
            await AccountSteps.SignUpAsync(page, url, smtp, name, Email(name), Password);
        }

        // Rosa lists the cohort and offers the places by email.
        await AccountSteps.SignInAsync(page, url, "rosa@test.example", Password, "/programs/new");
        await page.GetByLabel("Name").FillAsync("Autumn practice calls");
        await page.GetByLabel("Participants").FillAsync("Ana Sorrel, ana@test.example\nBen Tallow, ben@test.example\nCai Ferro, cai@test.example\nDee Lumen, dee@test.example");
        await page.GetByLabel("Group size in each call").FillAsync("2, 2, all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and make the rooms" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn practice calls" })).ToBeVisibleAsync();
        var program = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite 4 by email" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("4 people are invited");

        // Ana has no account: the emailed invitation makes one and shows her rooms.
        await page.Context.ClearCookiesAsync();
        var link = SmtpSink.LinkIn(await smtp.WaitForAsync("ana@test.example", "Rosa Hearth invites you to Autumn practice calls"), "/invitations/");
        await page.GotoAsync(link);
        await page.GetByLabel("Your name").FillAsync("Ana Sorrel");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account and see the invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.your-rooms > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("ol.your-rooms > li").First).ToContainTextAsync("Room ");

        // At the program's end Rosa forms crews from the cohort.
        await AccountSteps.SignInAsync(page, url, "rosa@test.example", Password, program);
        await page.GetByLabel("Preferences close at").FillAsync(DateTime.UtcNow.AddDays(4).ToString("yyyy-MM-ddT20:00"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Form crews from this cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crews from Autumn practice calls" })).ToBeVisibleAsync();
        var round = new Uri(page.Url).AbsolutePath;

        // Everyone joins the round with Tuesday evening free; Ana last.
        string[] cohort = [.. others, "Ana Sorrel"];
        foreach (var name in cohort)
        {
            await AccountSteps.SignInAsync(page, url, Email(name), Password, round);
            await page.GetByLabel("Your interests").FillAsync("listening, gardens");
            await page.GetByLabel("Tuesday 19:00").CheckAsync();
            await page.GetByLabel("Tuesday 20:00").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Join the round" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are in the round");
        }

        // Rosa runs it and publishes the crew proposed.
        await AccountSteps.SignInAsync(page, url, "rosa@test.example", Password, round);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the round" }).ClickAsync();
        await Assertions.Expect(page.Locator("#crew-1")).ToContainTextAsync("Ana Sorrel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish and invite consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");

        // Each consents to the crew proposed; Ana, last, opens the crew and plans its meetings.
        foreach (var name in cohort)
        {
            await AccountSteps.SignInAsync(page, url, Email(name), Password, round);
            await Assertions.Expect(page.Locator(".my-crew")).ToContainTextAsync("Ana Sorrel");
            await page.GetByRole(AriaRole.Button, new() { Name = "I consent to this crew" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You consented");
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Open your crew" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crews from Autumn practice calls · crew 1" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meetings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings of term 1" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("path-crew-planned");

        // Her private calendar feed holds the crew's first meeting.
        await page.GotoAsync($"{url}/gatherings/calendar");
        var feed = await page.Locator("#feed").InputValueAsync();
        await browser.CheckPageAsync("path-calendar");
        using var http = new HttpClient();
        var ics = (await http.GetStringAsync(feed)).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Crews from Autumn practice calls · crew 1: meeting 1", ics);
    }
}
