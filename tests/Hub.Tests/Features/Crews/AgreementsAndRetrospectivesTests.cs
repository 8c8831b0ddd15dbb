using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Crews.Retrospectives;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Accounts;
using Microsolidarity.Hub.Tests.Features.Congregations;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>
/// A crew's agreements (proposed, accepted by each, changed), and retrospectives that teach: reflections shared with
/// the crew alone, changes carried into the next meeting, lessons offered to the congregation, the halfway look back
/// of a long term, the monthly rhythm and the reminder to crews that run on.
/// </summary>
public sealed class AgreementsAndRetrospectivesTests : IAsyncLifetime
{
    private const string Password = "rain on a tin roof";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];
    private readonly Dictionary<string, string> ids = [];

    public async Task InitializeAsync()
    {
        // The reminder jobs stay quiet; tests run them.
        hub = await HubFactory.StartAsync(s =>
        {
            s["Crews:ReminderCheckInterval"] = "10:00:00";
            s["Retrospectives:LookBackCheckInterval"] = "10:00:00";
        });
        foreach (var name in new[] { "ana", "ben", "cy", "dee", "hal" })
        {
            ids[name] = (await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..])).Id;
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
        await hub.CreatePersonAsync("admin@test.example", Password, admin: true, name: "Admin");
        people["admin"] = await hub.SignedInClientAsync("admin@test.example", Password);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>Ana calls a crew with Ben and Cy, both join, and the term is planned from the next Tuesday.</summary>
    private async Task<string> StartedCrewAsync(string name, int meetings = 6, string cadence = "Weekly")
    {
        var (called, calledPage) = await people["ana"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Purpose"] = "",
            ["Input.Invitees"] = "ben@test.example\ncy@test.example",
            ["Input.Cadence"] = cadence,
            ["Input.Meetings"] = meetings.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        Assert.True(called.StatusCode == HttpStatusCode.Redirect, calledPage.QuerySelector("main")?.TextContent);
        var crew = called.Headers.Location!.OriginalString;
        foreach (var p in new[] { "ben", "cy" })
        {
            await people[p].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        }
        var (started, startedPage) = await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = NextTuesday().ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, startedPage.QuerySelector("main")?.TextContent);
        return crew;
    }

    private static DateOnly NextTuesday()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static Guid IdOf(string crew) => Guid.Parse(crew.Split('/')[2]);

    /// <summary>Moves the term's meetings back so the first <paramref name="held"/> have begun and the next has not.</summary>
    private Task<int> HoldMeetingsAsync(string crew, int held) => WithDbAsync(async db =>
    {
        var crewId = IdOf(crew);
        var meetings = await db.CrewMeetings.Where(m => m.CrewId == crewId).OrderBy(m => m.Term).ThenBy(m => m.Number).ToListAsync();
        var term = meetings.Max(m => m.Term);
        var shift = meetings.Single(m => m.Term == term && m.Number == held).StartsAt - DateTime.UtcNow.AddHours(-1);
        foreach (var m in meetings.Where(m => m.Term == term))
        {
            m.StartsAt -= shift;
        }
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Agreements_FromTheDraft_ComeIntoForceWhenEveryoneAccepts_AndAChangeReplacesThem()
    {
        var crew = await StartedCrewAsync("Agreeing crew");
        var page = $"{crew}/agreements";
        var (_, empty) = await people["ben"].GetAsync(page);
        Assert.Contains("no agreements written yet", empty.QuerySelector("#no-agreements")!.TextContent);
        Assert.Contains("Confidentiality", empty.QuerySelector("#agreement-text")!.TextContent);
        Assert.Contains("How we end", empty.QuerySelector("#agreement-text")!.TextContent);

        // Nobody outside the crew learns it has agreements at all, administrators included.
        foreach (var outsider in new[] { "hal", "dee", "admin" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await people[outsider].GetAsync(page)).Response.StatusCode);
        }
        var (_, refused) = await people["ana"].SubmitAsync(page, new Dictionary<string, string> { ["Text"] = "  " }, handler: "Propose");
        Assert.Contains("Write the agreements", refused.QuerySelector("#agreement-text-error")!.TextContent);

        var text = "What is said here stays here.\n\nWe come on Tuesdays, or say so by Monday.\n\nWe decide by consent.\n\nWe end with a retrospective.";
        await people["ana"].SubmitAsync(page, new Dictionary<string, string> { ["Text"] = text }, handler: "Propose");
        var (_, proposed) = await people["ben"].GetAsync(page);
        Assert.Contains("Accepted so far by Ana. Waiting for Ben, Cy.", proposed.QuerySelector("#agreement-proposed .accepted-by")!.TextContent);
        Assert.Null(proposed.QuerySelector("#agreement-in-force"));

        await people["ben"].SubmitAsync(page, new Dictionary<string, string>(), handler: "Accept");
        await people["cy"].SubmitAsync(page, new Dictionary<string, string>(), handler: "Accept");
        var (_, inForce) = await people["cy"].GetAsync(page);
        Assert.Contains("We decide by consent.", inForce.QuerySelector("#agreement-in-force .agreement-text")!.TextContent);
        Assert.Equal("Accepted by Ana, Ben, Cy.", inForce.QuerySelector("#agreement-in-force .accepted-by")!.TextContent.Trim());
        Assert.Null(inForce.QuerySelector("#agreement-proposed"));

        // Cy proposes a change: the old text stays in force until all three accept the new one.
        await people["cy"].SubmitAsync(page, new Dictionary<string, string> { ["Text"] = text + "\n\nCameras on when we can.", ["Note"] = "Faces help." }, handler: "Propose");
        var (_, change) = await people["ana"].GetAsync(page);
        Assert.Contains("A change proposed", change.QuerySelector("#agreement-proposed h2")!.TextContent);
        Assert.Contains("Faces help.", change.QuerySelector("#agreement-proposed")!.TextContent);
        Assert.DoesNotContain("Cameras on", change.QuerySelector("#agreement-in-force")!.TextContent);
        foreach (var p in new[] { "ana", "ben" })
        {
            var (_, before) = await people[p].GetAsync(page);
            var proposalId = before.QuerySelector("#agreement-proposed input[name=AgreementId]")!.GetAttribute("value")!;
            await people[p].PostAsync($"{page}?handler=Accept", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = before.QuerySelector("#agreement-proposed input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["AgreementId"] = proposalId,
            });
        }
        var (_, changed) = await people["ben"].GetAsync(page);
        Assert.Contains("Cameras on when we can.", changed.QuerySelector("#agreement-in-force")!.TextContent);
        Assert.Contains("Earlier versions (1)", changed.QuerySelector("#earlier-versions summary")!.TextContent);
        Assert.Equal([AgreementState.Replaced, AgreementState.InForce], await WithDbAsync(db => db.Agreements.Where(a => a.CrewId == IdOf(crew)).OrderBy(a => a.Version).Select(a => a.State).ToListAsync()));

        // Cy proposes once more, then the crew closes: its agreements stay to read, and nobody proposes or accepts.
        await people["cy"].SubmitAsync(page, new Dictionary<string, string> { ["Text"] = text + "\n\nSnacks." }, handler: "Propose");
        var (_, open) = await people["ben"].GetAsync(page);
        var token = open.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var openProposal = open.QuerySelector("#agreement-proposed input[name=AgreementId]")!.GetAttribute("value")!;
        await WithDbAsync(db => db.Crews.Where(c => c.Id == IdOf(crew)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, CrewStage.Disbanded)));
        var (_, closed) = await people["ben"].GetAsync(page);
        Assert.Contains("The crew has closed", closed.QuerySelector("#agreements-ended")!.TextContent);
        Assert.Contains("Cameras on when we can.", closed.QuerySelector("#agreement-in-force")!.TextContent);
        Assert.Null(closed.QuerySelector("form[action*='handler=Propose']"));
        Assert.Null(closed.QuerySelector("form[action*='handler=Accept']"));
        Assert.Null(closed.QuerySelector("#agreement-text"));
        var (_, retrospective) = await people["ben"].GetAsync($"{crew}/retrospective");
        Assert.DoesNotContain("Propose a change", retrospective.QuerySelector("#agreements")!.ParentElement!.TextContent);
        // A form from before the close is refused, and so is the operation itself, given a group that still looks open.
        var (_, late) = await people["ben"].PostAsync($"{page}?handler=Accept", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["AgreementId"] = openProposal });
        Assert.Contains("its agreements stay as they were", late.QuerySelector("main")!.TextContent);
        using (var scope = hub.Services.CreateScope())
        {
            var stale = new Microsolidarity.Hub.Features.Crews.Agreements.AgreementGroup(IdOf(crew), null, ids["ben"], true,
                [new("ana", "Ana"), new(ids["ben"], "Ben")]);
            var refusedProposal = await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Features.Crews.Agreements.ProposeAgreement>().RunAsync(stale, "New words after the end.", "");
            Assert.False(refusedProposal.Succeeded);
            Assert.Contains("The crew has closed", refusedProposal.Message);
            var accepted = await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Features.Crews.Agreements.AcceptAgreement>().RunAsync(stale, Guid.Parse(openProposal));
            Assert.False(accepted.Succeeded);
        }
        Assert.Equal(3, await WithDbAsync(db => db.Agreements.CountAsync(a => a.CrewId == IdOf(crew))));
        Assert.Equal(1, await WithDbAsync(db => db.AgreementAcceptances.CountAsync(a => a.AgreementId == Guid.Parse(openProposal))));
    }

    [Fact]
    public async Task Dyad_AgreementsAreTheTwoPeoplesAlone_AndCountWhenBothAccept()
    {
        var (proposed, _) = await people["ana"].SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = "dee@test.example",
            ["Kind"] = "PeerCoaching",
            ["Intention"] = "Talk every other week.",
            ["Weeks"] = "8",
        });
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, people["ana"].LastHtml);
        var dyad = await WithDbAsync(db => db.Dyads.Select(d => d.Id).SingleAsync());
        await people["dee"].SubmitAsync($"/dyads/{dyad}", new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        var page = $"/dyads/{dyad}/agreements";
        var (_, draft) = await people["dee"].GetAsync(page);
        Assert.Contains("stays between the two of us", draft.QuerySelector("#agreement-text")!.TextContent);
        foreach (var outsider in new[] { "hal", "admin" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await people[outsider].GetAsync(page)).Response.StatusCode);
        }
        await people["dee"].SubmitAsync(page, new Dictionary<string, string> { ["Text"] = "Between us.\n\nEither of us can end it." }, handler: "Propose");
        await people["ana"].SubmitAsync(page, new Dictionary<string, string>(), handler: "Accept");
        var (_, inForce) = await people["ana"].GetAsync(page);
        Assert.Equal("Accepted by Dee, Ana.", inForce.QuerySelector("#agreement-in-force .accepted-by")!.TextContent.Trim());
    }

    [Fact]
    public async Task Retrospective_ReflectionsForTheCrewAlone_ChangesOpenTheNextTerm_LessonsReachTheCongregation()
    {
        var slug = CongregationTestKit.SlugOf(await CongregationTestKit.CreateAsync(people["dee"], "Lesson Congregation"));
        var crew = await StartedCrewAsync("Learning crew");
        await WithDbAsync(async db =>
        {
            var congregation = await db.Congregations.SingleAsync(c => c.Slug == slug);
            foreach (var p in new[] { "ana", "ben", "cy" })
            {
                await Microsolidarity.Hub.Features.Congregations.JoinCongregation.AddMemberAsync(db, congregation.Id, ids[p], DateTime.UtcNow, default);
            }
            return await db.Crews.Where(c => c.Id == IdOf(crew)).ExecuteUpdateAsync(s => s.SetProperty(c => c.CongregationId, congregation.Id));
        });
        var page = $"{crew}/retrospective";
        var (_, early) = await people["ben"].GetAsync(page);
        Assert.Contains("Nothing to look back on yet", early.QuerySelector("main")!.TextContent);
        var (_, refusedEarly) = await people["ben"].PostAsync($"{page}?handler=Share", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = early.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Worked"] = "Too soon.",
        });
        Assert.Contains("the next one opens with the term's last meeting", refusedEarly.QuerySelector("main")!.TextContent);

        await HoldMeetingsAsync(crew, 6);
        // The private answer stays private; the shared reflection is a separate, explicit choice.
        await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "ANA-PRIVATE words", ["DidNot"] = "", ["Choice"] = "Continue" }, handler: "Retrospective");
        var (shared, sharedPage) = await people["ana"].SubmitAsync(page, new Dictionary<string, string>
        {
            ["Worked"] = "Hearing my case mirrored back.",
            ["DidNot"] = "Late starts.",
            ["OneChange"] = "Start on the hour.",
        }, handler: "Share");
        Assert.True(shared.StatusCode == HttpStatusCode.Redirect, sharedPage.QuerySelector("main")?.TextContent);
        var (_, benSees) = await people["ben"].GetAsync(page);
        var reflection = benSees.QuerySelector("article.reflection")!.TextContent;
        Assert.Contains("Ana", reflection);
        Assert.Contains("Hearing my case mirrored back.", reflection);
        Assert.DoesNotContain("ANA-PRIVATE", benSees.DocumentElement.OuterHtml);
        foreach (var outsider in new[] { "hal", "dee", "admin" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await people[outsider].GetAsync(page)).Response.StatusCode);
        }

        // Ben carries Ana's change forward, and adds one of his own.
        await people["ben"].SubmitAsync(page, new Dictionary<string, string>(), handler: "Carry");
        await people["ben"].SubmitAsync(page, new Dictionary<string, string> { ["Change"] = "Say whose case is next." }, handler: "Carry");
        var (_, list) = await people["cy"].GetAsync(page);
        Assert.Equal(["Start on the hour.", "Say whose case is next."], list.QuerySelectorAll(".changes li").Select(li => li.ChildNodes[0].TextContent.Trim()));

        // A lesson, offered without the crew's name: it waits for the whole crew's yes before Dee (a member of the
        // congregation, not of the crew) reads it.
        await people["cy"].SubmitAsync(page, new Dictionary<string, string> { ["Lesson"] = "Start on the hour; it is a kindness." }, handler: "Lesson");
        var lessons = $"/congregations/{slug}/lessons";
        var (_, notYet) = await people["dee"].GetAsync(lessons);
        Assert.NotNull(notYet.QuerySelector("#no-lessons"));
        Assert.DoesNotContain("Start on the hour; it is a kindness.", notYet.DocumentElement.OuterHtml);
        var (_, waiting) = await people["ben"].GetAsync(page);
        Assert.Contains("Waiting for everyone's yes", waiting.QuerySelector(".lesson-state")!.TextContent);
        Assert.Equal(["Yes: Cy", "Not answered yet: Ana, Ben"], waiting.QuerySelectorAll(".lesson-answers li").Select(li => li.TextContent.Trim()));
        async Task AnswerAsync(string who, bool yes, int index = 0)
        {
            var (_, before) = await people[who].GetAsync(page);
            var form = before.QuerySelectorAll("form[action*='handler=Consent']")[index];
            var (answered, answeredPage) = await people[who].PostAsync($"{page}?handler=Consent", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["ItemId"] = form.QuerySelector("input[name=ItemId]")!.GetAttribute("value")!,
                ["Consents"] = yes ? "true" : "false",
            });
            Assert.True(answered.StatusCode == HttpStatusCode.Redirect, answeredPage.QuerySelector("main")?.TextContent);
        }
        // Nobody outside the crew answers for it, whatever they post.
        var lessonId = waiting.QuerySelector("form[action*='handler=Consent'] input[name=ItemId]")!.GetAttribute("value")!;
        var halToken = (await people["hal"].GetAsync("/crews/new")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await people["hal"].PostAsync($"{page}?handler=Consent", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = halToken,
            ["ItemId"] = lessonId,
            ["Consents"] = "true",
        })).Response.StatusCode);
        // Ana and Ben are asked by a notice (Cy consented by offering); answering marks one's own notice done.
        async Task<string[]> AskedAsync() => await WithDbAsync(db => db.Notifications
            .Where(n => n.Kind == "crew.lesson" && n.Title.StartsWith("Learning crew") && n.DoneAt == null)
            .Select(n => n.UserId).ToArrayAsync());
        Assert.Equal(new[] { ids["ana"], ids["ben"] }.Order(), (await AskedAsync()).Order());
        await AnswerAsync("ana", true);
        Assert.Equal([ids["ben"]], await AskedAsync());
        await AnswerAsync("ben", false);
        Assert.Empty(await AskedAsync());
        var (_, declined) = await people["cy"].GetAsync(page);
        Assert.Contains("Kept in the crew", declined.QuerySelector(".lesson-state")!.TextContent);
        Assert.Equal(["Yes: Ana, Cy", "Keep it in the crew: Ben"], declined.QuerySelectorAll(".lesson-answers li").Select(li => li.TextContent.Trim()));
        Assert.NotNull((await people["dee"].GetAsync(lessons)).Page.QuerySelector("#no-lessons"));
        // Ben changes his mind: everyone has said yes, and the congregation reads it, without the crew's name.
        await AnswerAsync("ben", true);
        var (_, deeReads) = await people["dee"].GetAsync(lessons);
        Assert.Contains("Start on the hour; it is a kindness.", deeReads.QuerySelector(".lessons")!.TextContent);
        Assert.Contains("From one of our crews", deeReads.QuerySelector(".lessons")!.TextContent);
        Assert.DoesNotContain("Learning crew", deeReads.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Ben", deeReads.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await people["hal"].GetAsync(lessons)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await people["admin"].GetAsync(lessons)).Response.StatusCode);
        // Signed, the next one names the crew. Ana says yes; Ben leaves the crew before answering, so he no longer counts.
        await people["cy"].SubmitAsync(page, new Dictionary<string, string> { ["Lesson"] = "Agreements early.", ["Signed"] = "true" }, handler: "Lesson");
        await AnswerAsync("ana", true, index: 0);
        Assert.Single((await people["dee"].GetAsync(lessons)).Page.QuerySelectorAll(".lessons li"));
        await WithDbAsync(db => db.CrewMembers.Where(m => m.CrewId == IdOf(crew) && m.UserId == ids["ben"])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Left)));
        var (_, signed) = await people["dee"].GetAsync(lessons);
        Assert.Contains("From Learning crew", signed.QuerySelector(".lessons li")!.TextContent);
        await WithDbAsync(db => db.CrewMembers.Where(m => m.CrewId == IdOf(crew) && m.UserId == ids["ben"])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Joined)));

        // Everyone answers privately; the crew continues, and its second term's first meeting opens with the list.
        foreach (var p in new[] { "ben", "cy" })
        {
            await people[p].SubmitAsync(crew, new Dictionary<string, string> { ["Worked"] = "", ["DidNot"] = "", ["Choice"] = "Continue" }, handler: "Retrospective");
        }
        var (_, between) = await people["ana"].GetAsync(page);
        Assert.Contains("The end of term 1", between.QuerySelector("#look-back-title")!.TextContent);
        await people["ana"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = NextTuesday().ToString("yyyy-MM-dd") }, handler: "Start");
        var (_, term2) = await people["cy"].GetAsync(crew);
        var first = term2.QuerySelector("#meeting-1 .carried")!.TextContent;
        Assert.Contains("Carried from the last retrospective", first);
        Assert.Contains("Start on the hour.", first);
        Assert.Contains("Say whose case is next.", first);
        Assert.Null(term2.QuerySelector("#meeting-2 .carried"));
        // Once the term runs, the list is settled: the closed look back is there to read.
        var (_, settled) = await people["ana"].GetAsync(page);
        Assert.Contains("closed", settled.QuerySelector("#look-back-title")!.TextContent);
        Assert.Null(settled.QuerySelector("form[action*='handler=Carry']"));
    }

    [Fact]
    public async Task LongTerm_LooksBackAfterEveryFourthMeeting_AndTheNextMeetingOpensWithItsChanges()
    {
        var crew = await StartedCrewAsync("Long crew", meetings: 8);
        await HoldMeetingsAsync(crew, 3);
        var (_, before) = await people["ben"].GetAsync(crew);
        Assert.Null(before.QuerySelector("#halfway"));
        await HoldMeetingsAsync(crew, 4);
        var (_, halfway) = await people["ben"].GetAsync(crew);
        Assert.Contains("after meeting 4", halfway.QuerySelector("#halfway")!.TextContent);
        Assert.Null(halfway.QuerySelector("#retro")); // no continue, pause or leave halfway
        var page = $"{crew}/retrospective";
        await people["ben"].SubmitAsync(page, new Dictionary<string, string> { ["Worked"] = "Good rhythm.", ["OneChange"] = "Shorter check-out." }, handler: "Share");
        await people["ben"].SubmitAsync(page, new Dictionary<string, string> { ["Change"] = "Shorter check-out." }, handler: "Carry");
        var (_, look) = await people["cy"].GetAsync(page);
        Assert.Contains("Halfway through term 1, after meeting 4", look.QuerySelector("#look-back-title")!.TextContent);
        Assert.Contains("into the meetings left", look.QuerySelector("#changes")!.TextContent);
        var (_, space) = await people["cy"].GetAsync(crew);
        Assert.Contains("Shorter check-out.", space.QuerySelector("#meeting-5 .carried")!.TextContent);
        Assert.Equal(1, await WithDbAsync(db => db.SharedReflections.CountAsync(r => r.CrewId == IdOf(crew) && r.AtMeeting == 4)));
        Assert.Equal([4], LookBack.HalfwayPoints(8));
        Assert.Equal([4, 8], LookBack.HalfwayPoints(12));
        Assert.Empty(LookBack.HalfwayPoints(6));
    }

    [Fact]
    public async Task Monthly_MeetsOnTheSameWeekdayOfEachMonth_OnTheCrewPageAndInTheCalendarFeed()
    {
        var crew = await StartedCrewAsync("Monthly crew", meetings: 4, cadence: "Monthly");
        var (_, space) = await people["ben"].GetAsync(crew);
        Assert.StartsWith("Monthly on Tuesdays at 19:00", space.QuerySelector("#slot-summary")!.TextContent);
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var starts = space.QuerySelectorAll("article.card time").Select(t => TimeZoneInfo.ConvertTimeFromUtc(DateTime.Parse(t.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal), lisbon)).ToList();
        Assert.Equal(4, starts.Count);
        var week = (starts[0].Day - 1) / 7;
        for (var i = 0; i < starts.Count; i++)
        {
            Assert.Equal(DayOfWeek.Tuesday, starts[i].DayOfWeek);
            Assert.Equal(19, starts[i].Hour);
            Assert.Equal(starts[0].AddMonths(i).Month, starts[i].Month);
            Assert.True(week == 4 ? starts[i].AddDays(7).Month != starts[i].Month : (starts[i].Day - 1) / 7 == week, $"meeting {i + 1} on {starts[i]:d MMM} is not in week {week + 1} of its month");
        }
        // Each member's calendar feed holds the same four dates.
        const string token = "bens-private-calendar-token-for-the-monthly-crew";
        await WithDbAsync(db => { db.MemberCalendars.Add(new Microsolidarity.Hub.Data.Gatherings.MemberCalendar { UserId = ids["ben"], Token = token, CreatedAt = DateTime.UtcNow }); return db.SaveChangesAsync(); });
        var feed = await Gatherings.GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics"), DateTime.UtcNow.AddYears(1));
        Assert.Equal(space.QuerySelectorAll("article.card time").Select(t => t.GetAttribute("datetime")!).Order(),
            feed.Where(e => e.Summary.StartsWith("Monthly crew", StringComparison.Ordinal)).SelectMany(e => e.Occurrences)
                .Select(o => DateTime.Parse(o.Start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)).Order());
        // One series with a monthly rule, not four loose events and not a weekly rule; each meeting an instance of it.
        var ics = await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics");
        var nth = week == 4 ? "-1" : $"+{week + 1}";
        Assert.Contains($"RRULE:FREQ=MONTHLY;BYDAY={nth}TU;COUNT=4\r\n", ics);
        Assert.DoesNotContain("FREQ=WEEKLY", ics);
        Assert.Single(feed, e => e.Summary.StartsWith("Monthly crew", StringComparison.Ordinal));
        Assert.Equal(4, ics.Split("RECURRENCE-ID;TZID=Europe/Lisbon:").Length - 1);
        // A meeting moved a day on stays one instance of the series, at its new time.
        await WithDbAsync(db => db.CrewMeetings.Where(m => m.CrewId == IdOf(crew) && m.Number == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(1)).SetProperty(m => m.Sequence, m => m.Sequence + 1)));
        var moved = await Gatherings.GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics"), DateTime.UtcNow.AddYears(1));
        Assert.Equal(await WithDbAsync(db => db.CrewMeetings.Where(m => m.CrewId == IdOf(crew)).OrderBy(m => m.StartsAt).Select(m => m.StartsAt).ToListAsync()),
            moved.Single(e => e.Summary.StartsWith("Monthly crew", StringComparison.Ordinal)).Occurrences
                .Select(o => DateTime.Parse(o.Start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)).Order());
        // Finding a time says so too.
        var (_, find) = await people["ben"].GetAsync($"{crew}/time");
        Assert.DoesNotContain("every week", find.QuerySelector("main")!.TextContent);

        // Ben moves the crew to Thursdays: the emailed calendar file carries the feed's one series (same UID, the
        // meetings where the feed now has them), so it replaces the series rather than adding loose dates beside it.
        const int thursday19 = 3 * 24 + 19;
        foreach (var p in new[] { "ana", "ben", "cy" })
        {
            var (marked, _) = await people[p].SubmitAsync($"{crew}/time", new Dictionary<string, string> { ["MarkZone"] = "Europe/Lisbon", ["Free"] = thursday19.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Mark");
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }
        var (confirmed, _) = await people["ben"].SubmitAsync($"{crew}/time", new Dictionary<string, string> { ["Slot"] = thursday19.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var mail = await hub.Smtp!.WaitForAsync("ben@test.example", "Monthly crew now meets");
        var attached = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        using var content = new MemoryStream();
        await attached.Content!.DecodeToAsync(content);
        var file = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("RRULE:FREQ=MONTHLY;", file);
        var fileSeries = Assert.Single(await Gatherings.GatheringTestKit.ExpandWithIcalJsAsync(file, DateTime.UtcNow.AddYears(1)));
        var feedSeries = (await Gatherings.GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics"), DateTime.UtcNow.AddYears(1)))
            .Single(e => e.Summary.StartsWith("Monthly crew", StringComparison.Ordinal));
        Assert.Equal(feedSeries.Uid, fileSeries.Uid);
        Assert.Equal(feedSeries.Occurrences.Select(o => o.Start), fileSeries.Occurrences.Select(o => o.Start));
        Assert.Contains(fileSeries.Occurrences, o => DateTime.Parse(o.Start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) > DateTime.UtcNow
            && TimeZoneInfo.ConvertTimeFromUtc(DateTime.Parse(o.Start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), lisbon).DayOfWeek == DayOfWeek.Thursday);
    }

    [Fact]
    public async Task CrewsThatRunOn_HearOnceEveryThreeMonths_UnlessTheyLookedBack()
    {
        var crew = await StartedCrewAsync("Running crew", meetings: 12);
        var quiet = await StartedCrewAsync("Reflective crew", meetings: 12);
        await WithDbAsync(db => db.CrewMeetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-100))));
        // The reflective crew looked back halfway last month.
        await WithDbAsync(db =>
        {
            db.SharedReflections.Add(new SharedReflection { Id = Guid.NewGuid(), CrewId = IdOf(quiet), Term = 1, AtMeeting = 4, UserId = ids["cy"], WhatWorked = "Plenty.", SharedAt = DateTime.UtcNow.AddDays(-30) });
            return db.SaveChangesAsync();
        });

        async Task<int> RunAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? at = null)
        {
            using var scope = (at?.Services ?? hub.Services).CreateScope();
            return await scope.ServiceProvider.GetRequiredService<SendLookBackReminders>().RunAsync(CancellationToken.None);
        }
        Assert.Equal(3, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var mail = await hub.Smtp!.WaitForAsync("cy@test.example", "Running crew: time to look back together?");
        Assert.Contains("three months", mail.TextBody);
        Assert.DoesNotContain(hub.Smtp.Messages(), m => (m.Subject ?? "").Contains("Reflective crew: time to look back", StringComparison.Ordinal));

        // A month on, nothing again; three months after the reminder, the crews hear once more (the reflective one too,
        // its look back being older than three months by then). A host on the shifted clock runs its job once as it
        // starts, so the runs here count what is left for them: nothing, however often they run.
        Task<int> LookBackNoticesAsync(string crewName) =>
            WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == ids["ana"] && n.Kind == "crew.look-back" && n.Title.StartsWith(crewName)));
        var clock = new ShiftedClock();
        clock.Advance(TimeSpan.FromDays(31));
        await using (var month = hub.WithClock(clock))
        {
            Assert.Equal(0, await RunAsync(month));
        }
        Assert.Equal(1, await LookBackNoticesAsync("Running crew"));
        Assert.Equal(0, await LookBackNoticesAsync("Reflective crew"));
        clock.Advance(TimeSpan.FromDays(62));
        await using (var quarter = hub.WithClock(clock))
        {
            await RunAsync(quarter);
            Assert.Equal(0, await RunAsync(quarter));
        }
        Assert.Equal(2, await LookBackNoticesAsync("Running crew"));
        Assert.Equal(1, await LookBackNoticesAsync("Reflective crew"));
    }
}
