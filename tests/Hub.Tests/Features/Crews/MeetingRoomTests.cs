using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Updates;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>
/// A crew's meeting plan, case preparation, commitments and meeting room: the crew's alone, one state for everyone
/// (moves counted once under concurrency), and a live stream that shows a move made on another hub process.
/// </summary>
public sealed class MeetingRoomTests : IAsyncLifetime
{
    private const string Password = "lanterns along the quay";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private string crew = "";

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        foreach (var name in new[] { "ana", "ben", "cy", "hal" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        await hub.CreatePersonAsync("admin@test.example", Password, admin: true, name: "Admin");
        people["admin"] = await hub.SignedInClientAsync("admin@test.example", Password);
        people["visitor"] = hub.NewClient();

        var (called, _) = await people["ana"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Harbour crew",
            ["Input.Invitees"] = "ben@test.example\ncy@test.example",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        crew = called.Headers.Location!.OriginalString;
        foreach (var name in new[] { "ben", "cy" })
        {
            await people[name].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, "Respond");
        }
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        var (started, _) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private string Room(int number) => $"{crew}/meetings/{number}/room";

    private async Task<int> StepAsync(int number) => await hub.FromDbAsync(db =>
        db.MeetingRooms.Where(r => r.MeetingId == db.CrewMeetings.Where(m => m.CrewId == Guid.Parse(crew.Split('/')[2]) && m.Number == number).Select(m => m.Id).First())
            .Select(r => (int?)r.Step).FirstOrDefaultAsync()) ?? -1;

    [Fact]
    public async Task MeetingPages_ReadableByTheCrewAlone_404ToEveryoneElseAdministratorsIncluded()
    {
        // visitor, stranger, member, host (Ana hosts the first meeting), administrator
        foreach (var (path, visitor) in new[] { ($"{crew}/plan", 302), ($"{crew}/meetings/1", 302), (Room(1), 302), ($"{Room(1)}/events", 404), ($"{crew}/meetings/7", 302) })
        {
            var expected = new Dictionary<string, int> { ["visitor"] = visitor, ["hal"] = 404, ["ben"] = 200, ["ana"] = 200, ["admin"] = 404 };
            if (path.EndsWith("/7", StringComparison.Ordinal))
            {
                (expected["ben"], expected["ana"]) = (404, 404); // no seventh meeting in a term of six
            }
            foreach (var (who, status) in expected)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                using var response = await people[who].Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                Assert.True(status == (int)response.StatusCode, $"{who} GET {path}: expected {status}, got {(int)response.StatusCode}");
            }
        }
        // A stranger's post is a 404 too, and moves nothing.
        foreach (var who in new[] { "hal", "admin" })
        {
            var (post, _) = await people[who].PostFromAsync("/crews/new", $"{Room(1)}?handler=Move", new Dictionary<string, string> { ["Version"] = "0", ["To"] = "0" });
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.Equal(-1, await StepAsync(1));
    }

    [Fact]
    public async Task Room_HostMovesOn_TwoAtOnceMoveOnce_EveryMemberSeesTheSameStep()
    {
        // Ben is not the host, and this crew lets only the host move the room.
        var (refused, refusedPage) = await people["ben"].SubmitAsync(Room(1), new Dictionary<string, string> { ["To"] = "0" }, "Move");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("the host moves the room on", refusedPage.QuerySelector("main")!.TextContent);
        Assert.Equal(-1, await StepAsync(1));

        // The host presses "begin" in two windows at the same moment: the room begins once.
        var second = await hub.SignedInClientAsync("ana@test.example", Password);
        var both = await Task.WhenAll(
            people["ana"].PostFromAsync(Room(1), $"{Room(1)}?handler=Move", new Dictionary<string, string> { ["Version"] = "0", ["To"] = "0" }),
            second.PostFromAsync(Room(1), $"{Room(1)}?handler=Move", new Dictionary<string, string> { ["Version"] = "0", ["To"] = "0" }));
        Assert.Equal(1, both.Count(r => r.Response.StatusCode == HttpStatusCode.Redirect));
        Assert.Contains(MoveStepLost, second.LastHtml + people["ana"].LastHtml);
        Assert.Equal(0, await StepAsync(1));
        Assert.Equal(1, await hub.FromDbAsync(db => db.MeetingRooms.Select(r => r.Version).SingleAsync()));

        foreach (var name in new[] { "ana", "ben", "cy" })
        {
            var (_, room) = await people[name].GetAsync(Room(1));
            Assert.Equal("Check-in round", room.QuerySelector("#room-title")!.TextContent);
            Assert.Equal("Step 1 of 3", room.QuerySelector("#room-label")!.TextContent);
            Assert.Equal(["Ana", "Ben", "Cy"], room.QuerySelectorAll("#room-order li").Select(li => li.TextContent));
            Assert.Contains("min left", room.QuerySelector("#room-timer")!.TextContent);
            Assert.NotNull(room.QuerySelector("noscript meta[http-equiv=refresh]")); // without a script, the page looks again
        }

        // On to the case clinic: Ben, the focus person, speaks first. A stale "next" (made from version 0) moves nothing.
        var (moved, _) = await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string> { ["To"] = "1" }, "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await people["ana"].PostFromAsync(Room(1), $"{Room(1)}?handler=Move", new Dictionary<string, string> { ["Version"] = "1", ["To"] = "2" });
        Assert.Contains(MoveStepLost, people["ana"].LastHtml);
        var (_, clinic) = await people["cy"].GetAsync(Room(1));
        Assert.Equal("Case clinic", clinic.QuerySelector("#room-title")!.TextContent);
        Assert.Equal(["Ben", "Cy", "Ana"], clinic.QuerySelectorAll("#room-order li").Select(li => li.TextContent));
        Assert.Null(clinic.QuerySelector("#room-case")!.GetAttribute("hidden"));
        // The crew's board is in the room for a board-review step, and out of sight for the others.
        Assert.NotNull(clinic.QuerySelector("#room-board")!.GetAttribute("hidden"));
        Assert.Equal("Review the board", clinic.QuerySelector("#room-board h2")!.TextContent);

        // The crew lets anyone move the room: now Cy may.
        var (planned, _) = await people["cy"].SubmitAsync($"{crew}/plan", new Dictionary<string, string>
        {
            ["Rows[0].Slug"] = "check-in",
            ["Rows[0].Minutes"] = "10",
            ["Rows[1].Slug"] = "case-clinic",
            ["Rows[1].Minutes"] = "",
            ["Rows[2].Slug"] = "commitments-round",
            ["Rows[2].Minutes"] = "10",
            ["Rows[3].Slug"] = "board-review",
            ["Rows[3].Minutes"] = "",
            ["Rows[4].Slug"] = "check-out",
            ["Rows[4].Minutes"] = "5",
            ["AnyoneMoves"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var (cyMoves, _) = await people["cy"].SubmitAsync(Room(1), new Dictionary<string, string> { ["To"] = "2" }, "Move");
        Assert.Equal(HttpStatusCode.Redirect, cyMoves.StatusCode);
        // The running meeting keeps the plan it began with; the next meeting follows the crew's new plan.
        var (_, third) = await people["ben"].GetAsync(Room(1));
        Assert.Equal("Check-out round", third.QuerySelector("#room-title")!.TextContent);
        var (_, next) = await people["ben"].GetAsync($"{crew}/meetings/2");
        Assert.Equal(5, next.QuerySelectorAll("#meeting-plan li").Length);
        Assert.Contains("Commitments round", next.QuerySelector("#meeting-plan")!.TextContent);
        Assert.Contains("Board review", next.QuerySelector("#meeting-plan")!.TextContent);
    }

    private const string MoveStepLost = "Someone moved the room a moment before you";

    [Fact]
    public async Task CaseAndCommitments_FocusPreparesCrewReads_NextCheckInShowsLastTimesCommitments()
    {
        // Ben is the first meeting's focus person: he prepares; Cy may read but not write; a stranger gets nothing.
        var (cyWrites, cyPage) = await people["cy"].PostFromAsync($"{crew}/meetings/1", $"{crew}/meetings/1?handler=Case", new Dictionary<string, string> { ["Question"] = "Mine?" });
        Assert.Equal(HttpStatusCode.OK, cyWrites.StatusCode);
        Assert.Contains("The focus person of this meeting prepares its case", cyPage.QuerySelector("main")!.TextContent);
        var (empty, emptyPage) = await people["ben"].SubmitAsync($"{crew}/meetings/1", new Dictionary<string, string>(), "Case");
        Assert.Contains("at least the question", emptyPage.QuerySelector("#question-error")!.TextContent);
        var (prepared, _) = await people["ben"].SubmitAsync($"{crew}/meetings/1", new Dictionary<string, string>
        {
            ["Situation"] = "My workshop lease ends in spring.",
            ["Tried"] = "Asking the landlord twice.",
            ["Question"] = "Where could the workshop go next?",
        }, "Case");
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        var (_, read) = await people["cy"].GetAsync($"{crew}/meetings/1");
        Assert.Contains("Where could the workshop go next?", read.QuerySelector("#case-preparation")!.TextContent);
        var (hal, _) = await people["hal"].GetAsync($"{crew}/meetings/1");
        Assert.Equal(HttpStatusCode.NotFound, hal.StatusCode);

        // The host of the second meeting plans it differently, for this meeting only.
        var secondHost = await hub.FromDbAsync(db => db.CrewMeetings.Where(m => m.Number == 2).Select(m => m.HostUserId).SingleAsync());
        var hostName = await hub.FromDbAsync(db => db.Users.Where(u => u.Id == secondHost).Select(u => u.Email!).SingleAsync());
        var host = people[hostName.Split('@')[0]];
        var (tooLong, tooLongPage) = await host.SubmitAsync($"{crew}/meetings/2", new Dictionary<string, string> { ["Rows[0].Slug"] = "check-in", ["Rows[0].Minutes"] = "500" }, "Plan");
        Assert.Contains("between 1 and 180 minutes", tooLongPage.QuerySelector("#plan-0-error")!.TextContent);
        var (ownPlan, _) = await host.SubmitAsync($"{crew}/meetings/2", new Dictionary<string, string>
        {
            ["Rows[0].Slug"] = "check-in",
            ["Rows[0].Minutes"] = "15",
            ["Rows[1].Slug"] = "case-clinic",
            ["Rows[1].Minutes"] = "60",
        }, "Plan");
        Assert.Equal(HttpStatusCode.Redirect, ownPlan.StatusCode);

        // Each writes their own commitments in the first meeting's room; too long is explained beside the field.
        var (longOne, longPage) = await people["ben"].SubmitAsync(Room(1), new Dictionary<string, string> { ["Commitments[0]"] = new string('x', 501) }, "Commitments");
        Assert.Contains("500 characters", longPage.QuerySelector("#commitment-0-error")!.TextContent);
        await people["ben"].SubmitAsync(Room(1), new Dictionary<string, string> { ["Commitments[0]"] = "Visit two workshops for rent", ["Commitments[1]"] = "Call Rosa" }, "Commitments");
        await people["cy"].SubmitAsync(Room(1), new Dictionary<string, string> { ["Commitments[0]"] = "Finish the grant draft" }, "Commitments");
        await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string> { ["Notes"] = "Ben's lease: three places to look at." }, "Notes");
        var (_, afterOne) = await people["ana"].GetAsync($"{crew}/meetings/1");
        Assert.Contains("Visit two workshops for rent", afterOne.QuerySelector("#meeting-commitments")!.TextContent);
        Assert.Contains("three places", afterOne.QuerySelector("#meeting-notes")!.TextContent);

        // The second meeting's check-in: each sees last time's commitments, their own as "You".
        await host.SubmitAsync(Room(2), new Dictionary<string, string> { ["To"] = "0" }, "Move");
        var (_, checkIn) = await people["ben"].GetAsync(Room(2));
        Assert.Equal("Check-in round", checkIn.QuerySelector("#room-title")!.TextContent);
        Assert.Contains("15 min", checkIn.QuerySelector("#room-plan")!.TextContent);
        var last = checkIn.QuerySelector("#room-last-commitments")!;
        Assert.Null(last.GetAttribute("hidden"));
        Assert.Contains("You: Visit two workshops for rent · Call Rosa", last.TextContent);
        Assert.Contains("Cy: Finish the grant draft", last.TextContent);
        var (_, cyCheckIn) = await people["cy"].GetAsync(Room(2));
        Assert.Contains("Ben: Visit two workshops for rent", cyCheckIn.QuerySelector("#room-last-commitments")!.TextContent);

        // Once begun, the meeting's plan no longer changes.
        var (_, begun) = await host.GetAsync($"{crew}/meetings/2");
        Assert.Null(begun.QuerySelector("form[action*='handler=Plan']"));
        var (late, latePage) = await host.PostFromAsync($"{crew}/meetings/2", $"{crew}/meetings/2?handler=Plan", new Dictionary<string, string> { ["Rows[0].Slug"] = "check-in" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This meeting has begun", latePage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Stream_OnAnotherHubProcess_ShowsTheMoveMadeOnThisOne()
    {
        // A second hub: the real executable, its own process and memory, on the same database.
        var settings = hub.Database.Settings().ToDictionary(s => s.Key, s => s.Value);
        settings["Hub:SeedDemo"] = "false";
        settings["Hub:DataDirectory"] = hub.Database.IsPostgres ? TestPaths.NewTemporaryDirectory("hub-node-b") : hub.DataDirectory;
        var folder = TestPaths.NewTemporaryDirectory("hub-node-b-work");
        await using var nodeB = await HubProcess.StartAsync(folder, settings);
        var ben = FormClient.For(nodeB.BaseUrl);
        var (signedIn, _) = await ben.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "ben@test.example", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hang guard, not a speed check
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Room(1)}/events");
        using var response = await ben.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(guard.Token));
        var before = await NextStateAsync(reader, guard.Token);
        Assert.Equal(-1, before.GetProperty("step").GetInt32());
        Assert.Equal("The room is open", before.GetProperty("title").GetString());

        var (moved, _) = await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string> { ["To"] = "0" }, "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await NextStateAsync(reader, guard.Token);
        Assert.Equal(0, after.GetProperty("step").GetInt32());
        Assert.Equal("Check-in round", after.GetProperty("title").GetString());
        Assert.Equal(["Ana", "Ben", "Cy"], after.GetProperty("order").EnumerateArray().Select(e => e.GetString()));
        Assert.True(after.GetProperty("endsAt").GetInt64() > after.GetProperty("now").GetInt64());
        Assert.False(after.GetProperty("mayMove").GetBoolean()); // Ben's own view: the host moves the room on

        // The page itself, opened late on node B, shows the same step.
        var (_, page) = await ben.GetAsync(Room(1));
        Assert.Equal("Check-in round", page.QuerySelector("#room-title")!.TextContent);
    }

    private static async Task<JsonElement> NextStateAsync(StreamReader reader, CancellationToken cancel)
    {
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }
        throw new InvalidOperationException("The stream ended without a state.");
    }
}
