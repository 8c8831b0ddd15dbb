using Microsoft.Playwright;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Browser.Tests;

/// <summary>
/// Three members of a crew in three browsers, served by two hub processes on one database: the host moves the room
/// on, and every page follows within a second without reloading; a browser without scripts follows by refreshing.
/// Then the term ends early, the crew looks back, carries a change into term 2 and starts it; a member opens the
/// earlier term's record: the meeting, its notes and commitments, and what the crew chose to carry on.
/// </summary>
public sealed class MeetingRoomJourneyTests
{
    private const string Password = "tide tables and tea";

    /// <summary>How long another member's page may take to show the host's move: the room's promise.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions WithinOneSecond = new() { Timeout = 1000 };

    [Fact]
    public async Task HostMovesOn_ThreeMembersOnTwoHubs_EveryPageFollowsWithinASecond_AndTheTermIsKeptOnRecord()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(migrated: true);
        var folderA = await MigratedTemplate.NewHubFolderAsync("hub-browser-room-a");
        var data = Path.Combine(folderA, "data");
        var settings = new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.2",
            ["Hub:SeedDemo"] = "false",
            ["Hub:DataDirectory"] = data,
            ["RateLimits:AccountFormsPerMinute"] = "100",
        };
        foreach (var (key, value) in database.Settings())
        {
            settings[key] = value;
        }
        // Two processes: nothing in one's memory reaches the other; only the database (and the data folder) is shared.
        await using var nodeA = await HubProcess.StartAsync(folderA, settings);
        await using var nodeB = await HubProcess.StartAsync(TestPaths.NewTemporaryDirectory("hub-browser-room-b"), settings);

        await using var host = await BrowserSession.StartAsync("room-host");
        await using var member = await BrowserSession.StartAsync("room-member");
        await using var other = await BrowserSession.StartAsync("room-other-node");
        await AccountSteps.SignUpAsync(host.Page, nodeA.BaseUrl, smtp, "Noor Halden", "noor@test.example", Password);
        await AccountSteps.SignUpAsync(member.Page, nodeA.BaseUrl, smtp, "Piet Lamm", "piet@test.example", Password);
        await AccountSteps.SignUpAsync(other.Page, nodeB.BaseUrl, smtp, "Rhea Sol", "rhea@test.example", Password);

        // Noor calls a crew of three; Piet and Rhea join; Noor plans the term and hosts the first meeting.
        var page = host.Page;
        await page.GotoAsync($"{nodeA.BaseUrl}/crews/new");
        await page.GetByLabel("Name").FillAsync("Harbour crew");
        await page.GetByLabel("What it is for").FillAsync("A case clinic each week.");
        await page.GetByLabel("Who you invite").FillAsync("piet@test.example\nrhea@test.example");
        await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("Tuesday");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" }).FillAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitations" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Harbour crew" })).ToBeVisibleAsync();
        var crewPath = new Uri(page.Url).AbsolutePath;
        foreach (var (session, node) in new[] { (member, nodeA), (other, nodeB) })
        {
            await session.Page.GotoAsync($"{node.BaseUrl}{crewPath}");
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Join the crew" }).ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome to the crew");
        }
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meetings" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.card")).ToHaveCountAsync(6);
        await page.Locator("#meeting-1").GetByRole(AriaRole.Link, new() { Name = "The plan and the case" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meeting 1", Exact = true })).ToBeVisibleAsync();
        await host.CheckPageAsync("meeting-page");
        await page.GetByText("Plan this meeting differently").ClickAsync();
        await host.CheckPageAsync("meeting-plan-editor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the room" }).ClickAsync();
        var room = new Uri(page.Url).AbsolutePath;

        // Everyone is in the room, Rhea through the other hub, and Rhea once more in a browser without scripts.
        await member.Page.GotoAsync($"{nodeA.BaseUrl}{room}");
        await other.Page.GotoAsync($"{nodeB.BaseUrl}{room}");
        await using var plain = await BrowserSession.StartAsync("room-without-scripts", javaScript: false);
        await AccountSteps.SignInAsync(plain.Page, nodeB.BaseUrl, "rhea@test.example", Password, room);
        foreach (var seen in new[] { page, member.Page, other.Page, plain.Page })
        {
            await Assertions.Expect(seen.Locator("#room-title")).ToHaveTextAsync("The room is open");
        }
        await host.CheckPageAsync("room-before");

        await page.GetByRole(AriaRole.Button, new() { Name = "Begin: Check-in round" }).ClickAsync();
        await Assertions.Expect(page.Locator("#room-title")).ToHaveTextAsync("Check-in round");
        await Assertions.Expect(member.Page.Locator("#room-title")).ToHaveTextAsync("Check-in round", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-title")).ToHaveTextAsync("Check-in round", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-order li").First).ToHaveTextAsync("Noor Halden", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-timer")).ToContainTextAsync("left");
        await Assertions.Expect(other.Page.Locator("#room-last-commitments")).ToBeVisibleAsync();
        await member.CheckPageAsync("room-check-in-member");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next step: Case clinic" }).ClickAsync();
        await Assertions.Expect(page.Locator("#room-title")).ToHaveTextAsync("Case clinic");
        await Assertions.Expect(member.Page.Locator("#room-title")).ToHaveTextAsync("Case clinic", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-title")).ToHaveTextAsync("Case clinic", WithinOneSecond);
        await Assertions.Expect(member.Page.Locator("#room-label")).ToHaveTextAsync("Step 2 of 3", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-case")).ToBeVisibleAsync();
        await Assertions.Expect(other.Page.Locator("#room-last-commitments")).ToBeHiddenAsync();
        await host.CheckPageAsync("room-case-clinic-host");

        // Without scripts the page looks again by itself and shows the same step.
        await Assertions.Expect(plain.Page.Locator("#room-title")).ToHaveTextAsync("Case clinic", new() { Timeout = 30_000 });

        // The host pauses the timer from the keyboard: every page says so and stops counting; resuming counts on.
        await page.Locator("#room-pause").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#room-paused")).ToHaveTextAsync("paused");
        await Assertions.Expect(member.Page.Locator("#room-paused")).ToHaveTextAsync("paused", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-paused")).ToHaveTextAsync("paused", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-resume")).ToBeHiddenAsync(); // Rhea does not move the room: no buttons for her
        await Assertions.Expect(plain.Page.Locator("#room-paused")).ToHaveTextAsync("paused", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#room-resume")).ToBeVisibleAsync();
        await host.CheckPageAsync("room-paused-host");
        await page.Locator("#room-resume").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#room-pause")).ToBeVisibleAsync();
        await Assertions.Expect(other.Page.Locator("#room-paused")).ToHaveTextAsync("", WithinOneSecond);
        await Assertions.Expect(other.Page.Locator("#room-timer")).ToContainTextAsync("left");

        // Rhea writes her commitments in the room; the host ends the meeting.
        await other.Page.GetByLabel("Commitment 1").FillAsync("Ask the harbour office about the boat shed");
        await other.Page.GetByRole(AriaRole.Button, new() { Name = "Save my commitments" }).ClickAsync();
        await Assertions.Expect(other.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your commitments are saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next step: Check-out round" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();
        await Assertions.Expect(other.Page.Locator("#room-title")).ToHaveTextAsync("Thank you, everyone", WithinOneSecond);
        await Assertions.Expect(member.Page.Locator("#room-moves")).ToBeHiddenAsync();
        await other.CheckPageAsync("room-over");

        // The meeting is over; a day passes (set in the database: the room was opened ahead of the planned date).
        // Noor keeps a note and opens the retrospective early: the meetings not yet held leave the term, this one stays.
        Assert.Equal(1, await database.ExecuteAsync(data,
            sqlite: """UPDATE "CrewMeetings" SET "StartsAt" = strftime('%Y-%m-%d %H:%M:%S', 'now', '-1 day') WHERE "Term" = 1 AND "Number" = 1""",
            postgres: """UPDATE "CrewMeetings" SET "StartsAt" = now() - interval '1 day' WHERE "Term" = 1 AND "Number" = 1"""));
        await page.GotoAsync($"{nodeA.BaseUrl}{crewPath}");
        await page.Locator("#meeting-1").GetByLabel("Notes (only this crew reads them)").FillAsync("Piet's case: the boat shed lease. Next time: what the harbour office said.");
        await page.Locator("#meeting-1").GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Notes saved");
        await page.GetByText("Open the retrospective now").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the retrospective" }).ClickAsync();
        await Assertions.Expect(page.Locator("#meeting-2")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#meeting-1")).ToBeVisibleAsync();

        // Piet shares a reflection with one change; Noor carries it into the next term; everyone continues.
        await member.Page.GotoAsync($"{nodeA.BaseUrl}{crewPath}/retrospective");
        await member.Page.GetByLabel("What worked", new() { Exact = true }).FillAsync("Hearing the case out before anyone answered.");
        await member.Page.GetByLabel("One change I'd make").FillAsync("Start on the hour, even if someone is late");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Share with the crew" }).ClickAsync();
        await Assertions.Expect(member.Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await page.GotoAsync($"{nodeA.BaseUrl}{crewPath}/retrospective");
        await page.GetByRole(AriaRole.Button, new() { Name = "Carry this change forward" }).ClickAsync();
        await Assertions.Expect(page.Locator(".changes")).ToContainTextAsync("Start on the hour, even if someone is late");
        foreach (var (session, node) in new[] { (host, nodeA), (member, nodeA), (other, nodeB) })
        {
            await session.Page.GotoAsync($"{node.BaseUrl}{crewPath}");
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer stays private");
        }

        // Term 2 starts; its first meeting opens with the change carried.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the meetings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#meeting-1 .carried")).ToContainTextAsync("Start on the hour, even if someone is late");

        // Piet opens the record of term 1: its meeting and what it carried on, the notes, Rhea's commitments, and the look back that closed it.
        var piet = member.Page;
        await piet.GotoAsync($"{nodeA.BaseUrl}{crewPath}");
        var earlier = piet.Locator("#earlier-terms-section");
        await Assertions.Expect(earlier).ToContainTextAsync("Term 1: 1 meeting");
        await Assertions.Expect(earlier.Locator(".carried")).ToContainTextAsync("Carried into term 2: Start on the hour, even if someone is late");
        await member.CheckPageAsync("crew-with-earlier-term");
        await earlier.GetByRole(AriaRole.Link, new() { Name = "Meeting 1" }).ClickAsync();
        await Assertions.Expect(piet.GetByRole(AriaRole.Heading, new() { Name = "The room: meeting 1 of term 1" })).ToBeVisibleAsync();
        await Assertions.Expect(piet.Locator("#record-outcome")).ToContainTextAsync("went through all 3 steps");
        await Assertions.Expect(piet.Locator("#record-commitments")).ToContainTextAsync("Rhea Sol: Ask the harbour office about the boat shed");
        await Assertions.Expect(piet.Locator("#record-notes")).ToContainTextAsync("Piet's case: the boat shed lease.");
        await member.CheckPageAsync("earlier-meeting-record");
        await piet.GotoAsync($"{nodeA.BaseUrl}{crewPath}/retrospective");
        await Assertions.Expect(piet.Locator("#look-back-title")).ToContainTextAsync("The end of term 1");
        await Assertions.Expect(piet.Locator("article.reflection")).ToContainTextAsync("Hearing the case out before anyone answered.");
        await Assertions.Expect(piet.Locator(".changes")).ToContainTextAsync("Start on the hour, even if someone is late");
        await member.CheckPageAsync("earlier-term-look-back");
    }
}
