using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Updates;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>
/// A crew's meeting plan, case preparation, commitments and meeting room: the crew's alone, one state for everyone
/// (moves counted once under concurrency), and a live stream that shows a move made on another hub process (woken by
/// PostgreSQL's NOTIFY there; on SQLite, where one node is the rule, by the stream's read every few seconds).
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
        // The room's address by term: this term's leads the crew to the live room; a term the crew has not had yet is nothing.
        foreach (var (path, visitor, member) in new[]
        {
            ($"{crew}/plan", 302, 200), ($"{crew}/meetings/1", 302, 200), (Room(1), 302, 200), ($"{Room(1)}/events", 404, 200), ($"{crew}/meetings/7", 302, 404),
            ($"{crew}/terms/1/meetings/1/room", 302, 302), ($"{crew}/terms/2/meetings/1/room", 302, 404), ($"{crew}/terms/1/meetings/7/room", 302, 404),
        })
        {
            var expected = new Dictionary<string, int> { ["visitor"] = visitor, ["hal"] = 404, ["ben"] = member, ["ana"] = member, ["admin"] = 404 };
            foreach (var (who, status) in expected)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                using var response = await people[who].Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                Assert.True(status == (int)response.StatusCode, $"{who} GET {path}: expected {status}, got {(int)response.StatusCode}");
            }
        }
        // A stranger's post is a 404 too, and moves (or pauses) nothing.
        foreach (var who in new[] { "hal", "admin" })
        {
            foreach (var handler in new[] { "Move", "Pause", "Resume" })
            {
                var (post, _) = await people[who].PostFromAsync("/crews/new", $"{Room(1)}?handler={handler}", new Dictionary<string, string> { ["Version"] = "0", ["To"] = "0" });
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            }
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

        // The host pauses the timer: everyone's page says so and shows the time that was left, which stays as it is.
        Assert.NotNull((await people["ana"].GetAsync(Room(1))).Page.QuerySelector("#room-resume")!.GetAttribute("hidden"));
        var (benPauses, benPausePage) = await people["ben"].SubmitAsync(Room(1), new Dictionary<string, string>(), "Pause");
        Assert.Equal(HttpStatusCode.OK, benPauses.StatusCode);
        Assert.Contains("the host pauses and resumes the timer", benPausePage.QuerySelector("main")!.TextContent);
        var (paused, _) = await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string>(), "Pause");
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        var atPause = await RoomRowAsync(1);
        Assert.Equal((0, 2), (atPause.Step, atPause.Version));
        Assert.NotNull(atPause.PausedAt);
        var leftAtPause = atPause.StepStartedAt!.Value.AddMinutes(12) - atPause.PausedAt!.Value; // the check-in round's twelve minutes
        // Six minutes pass in the pause (the row is moved back, as if it had been paused that long ago): nothing is lost.
        await hub.FromDbAsync(db => db.MeetingRooms.ExecuteUpdateAsync(u => u
            .SetProperty(r => r.StepStartedAt, r => r.StepStartedAt!.Value.AddMinutes(-6)).SetProperty(r => r.PausedAt, r => r.PausedAt!.Value.AddMinutes(-6))));
        var pausedLong = await RoomRowAsync(1);
        var leftAfterLongPause = pausedLong.StepStartedAt!.Value.AddMinutes(12) - pausedLong.PausedAt!.Value;
        Assert.InRange(leftAfterLongPause, leftAtPause - TimeSpan.FromMilliseconds(1), leftAtPause + TimeSpan.FromMilliseconds(1)); // the database's date arithmetic keeps milliseconds
        foreach (var name in new[] { "ana", "ben", "cy" })
        {
            var (_, room) = await people[name].GetAsync(Room(1));
            Assert.Equal("paused", room.QuerySelector("#room-paused")!.TextContent);
            Assert.Equal(((long)leftAfterLongPause.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), room.QuerySelector("#room-timer")!.GetAttribute("data-left"));
            Assert.Equal($"{(int)Math.Ceiling(leftAfterLongPause.TotalMinutes)} min left", room.QuerySelector("#room-timer")!.TextContent);
            Assert.Equal("", room.QuerySelector("#room-ends")!.TextContent); // no end time while the timer stands still
        }
        var (_, hostPaused) = await people["ana"].GetAsync(Room(1));
        Assert.NotNull(hostPaused.QuerySelector("#room-pause")!.GetAttribute("hidden"));
        Assert.Null(hostPaused.QuerySelector("#room-resume")!.GetAttribute("hidden"));
        Assert.Equal("Resume the timer", hostPaused.QuerySelector("#room-resume")!.TextContent);
        // A resume from a page that had not seen the pause (version 1) changes nothing; from the paused page, it resumes.
        await people["ana"].PostFromAsync(Room(1), $"{Room(1)}?handler=Resume", new Dictionary<string, string> { ["Version"] = "1" });
        Assert.Contains(MoveStepLost, people["ana"].LastHtml);
        Assert.NotNull((await RoomRowAsync(1)).PausedAt);
        var beforeResume = DateTime.UtcNow;
        var (resumed, _) = await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string>(), "Resume");
        var afterResume = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        var running = await RoomRowAsync(1);
        Assert.Equal((0, 3, (DateTime?)null), (running.Step, running.Version, running.PausedAt));
        // Resuming counts on from what was left: the step now ends that long after the moment of resuming.
        var endsAt = running.StepStartedAt!.Value.AddMinutes(12);
        Assert.InRange(endsAt, beforeResume.AddMilliseconds(-1) + leftAfterLongPause, afterResume.AddMilliseconds(1) + leftAfterLongPause);
        var (_, resumedPage) = await people["cy"].GetAsync(Room(1));
        Assert.Equal("", resumedPage.QuerySelector("#room-paused")!.TextContent);
        Assert.True(string.IsNullOrEmpty(resumedPage.QuerySelector("#room-timer")!.GetAttribute("data-left"))); // running: the page counts down from the end time
        // Paused again, then moved on: the next step starts its own timer, running.
        await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string>(), "Pause");
        Assert.NotNull((await RoomRowAsync(1)).PausedAt);

        // On to the case clinic: Ben, the focus person, speaks first. A stale "next" (made from version 0) moves nothing.
        var (moved, _) = await people["ana"].SubmitAsync(Room(1), new Dictionary<string, string> { ["To"] = "1" }, "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal((1, (DateTime?)null), ((await RoomRowAsync(1)).Step, (await RoomRowAsync(1)).PausedAt));
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

        // The crew met early (meeting 1 is still days ahead on the calendar) and the caller opens the look back now:
        // the meetings that will not happen leave the calendar; the one held early stays, with its room.
        var (closed, _) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string>(), "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var crewId = Guid.Parse(crew.Split('/')[2]);
        Assert.Equal([1], await hub.FromDbAsync(db => db.CrewMeetings.Where(m => m.CrewId == crewId).OrderBy(m => m.Number).Select(m => m.Number).ToListAsync()));
        Assert.Equal(2, (await RoomRowAsync(1)).Step);
    }

    private async Task<Microsolidarity.Hub.Data.Crews.MeetingRoom> RoomRowAsync(int number) => await hub.FromDbAsync(db =>
        db.MeetingRooms.AsNoTracking().SingleAsync(r => r.MeetingId == db.CrewMeetings.Where(m => m.CrewId == Guid.Parse(crew.Split('/')[2]) && m.Term == 1 && m.Number == number).Select(m => m.Id).First()));

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

        // The term ends and all three go on: term 1's rooms keep their addresses, as records to read.
        await hub.FromDbAsync(db => db.CrewMeetings.ExecuteUpdateAsync(u => u.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-70))));
        foreach (var name in new[] { "ana", "ben", "cy" })
        {
            await people[name].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "", ["DidNot"] = "", ["Choice"] = "Continue" }, "Retrospective");
        }
        var (_, renewed) = await people["cy"].GetAsync(crew);
        Assert.Contains("term 2", renewed.QuerySelector("#slot-summary")!.TextContent);
        var earlier = renewed.QuerySelector("#earlier-terms-section")!;
        Assert.Contains("Term 1: 6 meetings", earlier.TextContent);
        var records = earlier.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{crew}/terms/1/meetings/{n}/room"), records);

        var (firstRecord, first) = await people["cy"].GetAsync(records[0]!);
        Assert.Equal(HttpStatusCode.OK, firstRecord.StatusCode);
        Assert.Equal("The room: meeting 1 of term 1", first.QuerySelector("h1")!.TextContent);
        Assert.Contains("Where could the workshop go next?", first.QuerySelector("#record-case")!.TextContent);
        Assert.Contains("Ben: Visit two workshops for rent · Call Rosa", first.QuerySelector("#record-commitments")!.TextContent);
        Assert.Contains("Cy: Finish the grant draft", first.QuerySelector("#record-commitments")!.TextContent);
        Assert.Contains("three places", first.QuerySelector("#record-notes")!.TextContent);
        Assert.Contains("The room was not opened", first.QuerySelector("#record-outcome")!.TextContent);
        Assert.Empty(first.QuerySelectorAll("main form")); // a record: nothing to write or move
        var (_, second) = await people["ana"].GetAsync(records[1]!);
        Assert.Equal("The room stopped at step 1 of 2: Check-in round.", second.QuerySelector("#record-outcome")!.TextContent);
        Assert.Equal(["Check-in round (15 min)", "Case clinic (1 h)"], second.QuerySelectorAll("#record-plan li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));

        // Term 2 begins: the room at /meetings/1 is the new term's, term 1's record stays where it was, and so do its permissions.
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        var (started, _) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var (_, newRoom) = await people["ben"].GetAsync(Room(1));
        Assert.Null(newRoom.QuerySelector("#room-commitments"));
        Assert.Equal("", newRoom.QuerySelector("#commitment-0")!.GetAttribute("value"));
        var (toLive, _) = await people["ben"].GetAsync($"{crew}/terms/2/meetings/1/room");
        Assert.Equal((HttpStatusCode.Redirect, Room(1)), (toLive.StatusCode, toLive.Headers.Location!.OriginalString));
        var (stillThere, still) = await people["ben"].GetAsync(records[0]!);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Contains("Where could the workshop go next?", still.QuerySelector("#record-case")!.TextContent);
        foreach (var who in new[] { "hal", "admin" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await people[who].GetAsync(records[0]!)).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await people["ben"].GetAsync($"{crew}/terms/3/meetings/1/room")).Response.StatusCode);
    }

    [Fact]
    public async Task Stream_OnAnotherHubProcess_ShowsTheMoveMadeOnThisOne()
    {
        // A second hub: the real executable, its own process and memory, on the same database.
        var settings = hub.Database.Settings().ToDictionary(s => s.Key, s => s.Value);
        settings["Hub:SeedDemo"] = "false";
        settings["Hub:DataDirectory"] = hub.Database.IsPostgres ? TestPaths.NewTemporaryDirectory("hub-node-b") : hub.DataDirectory;
        if (hub.Database.IsPostgres)
        {
            // Node B reads the room again without a signal only every ten minutes: the move reaches it by PostgreSQL's
            // NOTIFY. On SQLite a second process cannot be signalled, and its stream finds the move by its slow read.
            settings["Web:LiveReadAtLeastSeconds"] = "600";
        }
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
