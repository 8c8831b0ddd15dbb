using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>
/// A working group whose series has been meeting for three weeks changes its rhythm: weekly becomes every two weeks,
/// then the day moves. The dates already held stay exactly as they were (one of them had been moved an hour on its
/// own); the dates to come follow the new rhythm, with no date twice and none left over from the old one, and the
/// member's calendar feed (read with ical.js), the group's page and the series' page say the same.
/// </summary>
public sealed class WorkingGroupRhythmTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private const string Password = "slow water over stones";
    private const int Hour = 17;
    private readonly HubFactory hub = shared.Hub;

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>The find-a-time grid's index of an hour on a date's weekday (Monday 00:00 is 0).</summary>
    private static int SlotOf(DateTime date) => ((int)date.DayOfWeek + 6) % 7 * 24 + Hour;

    private static DateTime At(DateTime date, int hour = Hour) => DateTime.SpecifyKind(date.Date.AddHours(hour), DateTimeKind.Utc);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.000Z", CultureInfo.InvariantCulture);

    /// <summary>A working group of two in a new congregation, who have both marked the hours it may meet at.</summary>
    private sealed record Group(FormClient Starter, FormClient Member, string MemberEmail, string Congregation, string Name, Guid Id, string Time);

    /// <summary>The group meets two days from now at 17:00 UTC (its starter has no zone of their own), or the day after, so that no date falls on today.</summary>
    private static readonly DateTime Today = DateTime.UtcNow.Date;
    private static readonly DateTime Day = Today.AddDays(2);
    private static readonly DateTime NextDay = Today.AddDays(3);

    /// <param name="zone">The starter's own zone, which the group's times are in; none by default (UTC).</param>
    /// <param name="slots">The hours both mark free; by default 17:00 on <see cref="Day"/> and <see cref="NextDay"/>.</param>
    private async Task<Group> StartGroupAsync(string? zone = null, params int[] slots)
    {
        var starterEmail = Unique.Email("oona");
        var memberEmail = Unique.Email("piers");
        await hub.CreatePersonAsync(starterEmail, Password, name: "Oona Starter");
        await hub.CreatePersonAsync(memberEmail, Password, name: "Piers Member");
        var starter = await hub.SignedInClientAsync(starterEmail, Password);
        var member = await hub.SignedInClientAsync(memberEmail, Password);
        if (zone is not null)
        {
            await WithDbAsync(async db =>
            {
                db.Profiles.Add(new Data.People.Profile { UserId = await db.Users.Where(u => u.Email == starterEmail).Select(u => u.Id).SingleAsync(), TimeZone = zone, Availability = new string('0', 168) });
                return await db.SaveChangesAsync();
            });
        }
        slots = slots.Length > 0 ? slots : [SlotOf(Day), SlotOf(NextDay)];
        var congregation = await Congregations.CongregationTestKit.CreateAsync(starter, Unique.Name("Rhythm Commons"));
        await member.SubmitAsync(congregation, new Dictionary<string, string>(), handler: "Join");
        var groupName = Unique.Name("Garden team");
        var (started, _) = await starter.SubmitAsync($"{congregation}/working-groups", new Dictionary<string, string>
        {
            ["Name"] = groupName,
            ["Purpose"] = "Tend the shared garden through the season.",
            ["EndsOn"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var groupId = await WithDbAsync(db => db.WorkingGroups.Where(g => g.Name == groupName).Select(g => g.Id).SingleAsync());
        await member.SubmitAsync($"{congregation}/working-groups", new Dictionary<string, string> { ["GroupId"] = groupId.ToString() }, "Join");
        var time = $"{congregation}/working-groups/{groupId}/time";
        foreach (var person in new[] { starter, member })
        {
            var (_, page) = await person.GetAsync(time);
            var form = page.Forms.Single(f => (f.Action ?? "").Contains("handler=Mark", StringComparison.Ordinal));
            var marked = await person.Http.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["MarkZone"] = zone ?? "Etc/UTC",
            }.Concat(slots.Select(h => new KeyValuePair<string, string>("Free", h.ToString(CultureInfo.InvariantCulture))))));
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }
        return new Group(starter, member, memberEmail, congregation, groupName, groupId, time);
    }

    /// <summary>The starter confirms the slot on <paramref name="on"/>'s weekday at 17:00; the series it leads to.</summary>
    private static Task<Guid> ConfirmAsync(Group group, DateTime on, string rhythm) => ConfirmAsync(group, SlotOf(on), rhythm);

    private static async Task<Guid> ConfirmAsync(Group group, int slot, string rhythm)
    {
        var (confirmed, page) = await group.Starter.SubmitAsync(group.Time, new Dictionary<string, string> { ["Slot"] = slot.ToString(CultureInfo.InvariantCulture), ["Rhythm"] = rhythm }, "Confirm");
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        return GatheringTestKit.IdOf(confirmed.Headers.Location!.OriginalString);
    }

    private static async Task AnswerAsync(FormClient person, Guid eventId, DateTime date)
    {
        var (answered, page) = await person.SubmitAsync($"/gatherings/{eventId}?date={EventTime.Key(date)}", new Dictionary<string, string> { ["Reply"] = "Going" }, "Answer");
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task RunningSeries_WeeklyBecomesFortnightlyThenMovesDay_PastDatesStay_FeedAndPagesAgreeWithNoDuplicateOrLeftover()
    {
        var g = await StartGroupAsync();
        var (member, memberEmail, groupName, groupId, time) = (g.Member, g.MemberEmail, g.Name, g.Id, g.Time);
        var (today, day, nextDay) = (Today, Day, NextDay);
        var weekly = await ConfirmAsync(g, day, "Weekly");

        // It has run for three weeks (its start set back in the database, as time would): held 19, 12 and 5 days ago,
        // the middle one an hour later on its own, with Piers there.
        var first = At(day).AddDays(-21);
        var (held, moved) = ((IReadOnlyList<DateTime>)[first, first.AddDays(7), first.AddDays(14)], first.AddDays(7));
        Assert.All(held, d => Assert.True(d < DateTime.UtcNow));
        var (memberId, calendar) = await WithDbAsync(async db =>
        {
            var e = await db.GatheringEvents.SingleAsync(x => x.Id == weekly);
            Assert.Equal(("FREQ=WEEKLY", At(day)), (e.Recurrence, e.StartsAt));
            (e.StartsAt, e.EndsAt) = (first, first + (e.EndsAt - e.StartsAt));
            var occurrence = new EventOccurrence { Id = Guid.NewGuid(), EventId = weekly, OriginalStart = moved, StartsAt = moved.AddHours(1), EndsAt = moved.AddHours(2), GoingCount = 1 };
            db.EventOccurrences.Add(occurrence);
            var id = await db.Users.Where(u => u.Email == memberEmail).Select(u => u.Id).SingleAsync();
            db.Rsvps.Add(new Rsvp { Id = Guid.NewGuid(), EventId = weekly, OccurrenceId = occurrence.Id, UserId = id, Status = RsvpStatus.Going, CreatedAt = moved.AddDays(-2), UpdatedAt = moved.AddDays(-2) });
            var token = $"piers-{Guid.NewGuid():N}";
            db.MemberCalendars.Add(new MemberCalendar { UserId = id, Token = token, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (id, token);
        });
        var length = await WithDbAsync(db => db.GatheringEvents.Where(e => e.Id == weekly).Select(e => e.EndsAt - e.StartsAt).SingleAsync());
        IReadOnlyList<string> past = [Iso(held[0]), Iso(moved.AddHours(1)), Iso(held[2])];

        // Piers says he is going to the next two dates.
        foreach (var date in new[] { At(day), At(day).AddDays(7) })
        {
            await AnswerAsync(member, weekly, date);
        }

        // Weekly becomes every two weeks, on the same day and hour.
        var fortnightly = await ConfirmAsync(g, day, "Fortnightly");
        Assert.NotEqual(weekly, fortnightly);
        var until = today.AddDays(130);
        IReadOnlyList<string> Fortnights(DateTime from) => [.. Enumerable.Range(0, 10).Select(k => At(from).AddDays(14 * k)).Where(d => d <= until).Select(Iso)];
        await AssertAgreeAsync(fortnightly, past, Fortnights(day), "every two weeks", day);
        // The date kept its answer; the dropped one took Piers's answer with it, and he was told.
        Assert.Equal([At(day)], await WithDbAsync(db => db.Rsvps.Where(r => r.EventId == fortnightly && r.UserId == memberId && r.OccurrenceId != null)
            .Select(r => r.Occurrence!.StartsAt).ToListAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == memberId && n.Kind == "gathering.date-dropped")));

        // Then a day later in the week, still every two weeks: nothing of the new part has happened, so it moves whole.
        var moved2 = await ConfirmAsync(g, nextDay, "Fortnightly");
        Assert.Equal(fortnightly, moved2);
        await AssertAgreeAsync(fortnightly, past, Fortnights(nextDay), "every two weeks", nextDay);
        // His answer to the date that went was dropped, and he was told again.
        Assert.Equal(0, await WithDbAsync(db => db.Rsvps.CountAsync(r => r.EventId == fortnightly && r.UserId == memberId && r.OccurrenceId != null)));
        Assert.Equal(2, await WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == memberId && n.Kind == "gathering.date-dropped")));

        async Task AssertAgreeAsync(Guid current, IReadOnlyList<string> pastStarts, IReadOnlyList<string> coming, string rhythm, DateTime onDay)
        {
            // Two parts of one series: the weekly part that was held, ended before the change, and the part that goes on.
            var (parts, rows) = await WithDbAsync(async db =>
            {
                var events = await db.GatheringEvents.AsNoTracking().Where(e => e.Id == weekly || e.SplitFromId == weekly || e.Id == current).ToListAsync();
                var occurrences = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == weekly || o.EventId == current).ToListAsync();
                return (events, occurrences);
            });
            Assert.Equal(2, parts.Count);
            var old = parts.Single(e => e.Id == weekly);
            var now = parts.Single(e => e.Id == current);
            Assert.Equal(first, old.StartsAt);
            Assert.StartsWith("FREQ=WEEKLY;UNTIL=", old.Recurrence);
            Assert.Equal((weekly, "FREQ=WEEKLY;INTERVAL=2", At(onDay), At(onDay) + length), (now.SplitFromId!.Value, now.Recurrence, now.StartsAt, now.EndsAt));
            Assert.Equal(current, await WithDbAsync(db => db.FoundTimes.Where(f => f.GroupId == groupId).Select(f => f.EventId).SingleAsync()));
            // No date row left over from a rhythm its series no longer has; the held one kept its own hour.
            Assert.All(rows, r => Assert.True(EventSchedule.IsRuleStart(parts.Single(e => e.Id == r.EventId), r.OriginalStart), $"{r.OriginalStart:u} is not a date of its series"));
            Assert.Contains(rows, r => r.EventId == weekly && r.OriginalStart == moved && r.StartsAt == moved.AddHours(1));

            // Piers's calendar: every date once, the held ones as they were, then the new rhythm.
            var feed = await GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{calendar}.ics"), until);
            var series = feed.Where(e => e.Summary.StartsWith(groupName, StringComparison.Ordinal)).ToList();
            Assert.Equal(2, series.Count);
            var starts = series.SelectMany(e => e.Occurrences).Select(o => o.Start).Order(StringComparer.Ordinal).ToList();
            Assert.Equal([.. pastStarts, .. coming], starts);

            // The group's page says the new rhythm, and the series' page lists the same coming dates as the feed.
            var (_, groupPage) = await member.GetAsync(time);
            var found = string.Join(' ', groupPage.QuerySelector("#found")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            Assert.True(found.Contains($"Confirmed: {rhythm} on {onDay.DayOfWeek} at {Hour}:00 (UTC)", StringComparison.Ordinal), found);
            var seriesLink = groupPage.QuerySelector("#found a")!.GetAttribute("href")!;
            Assert.Equal($"/gatherings/{current}", seriesLink);
            var (_, seriesPage) = await member.GetAsync(seriesLink);
            var listed = seriesPage.QuerySelectorAll(".date-list a").Select(a => a.GetAttribute("href")!.Split("date=")[1]).ToList();
            Assert.Equal(8, listed.Count);
            Assert.Equal(coming.Take(8), listed.Select(k => EventTime.TryParseKey(k, out var utc) ? Iso(utc) : k));
        }
    }

    [Fact]
    public async Task RunningSeries_MovesToAnotherDay_AnswersToTheDatesThatGoLeaveWithThem_AndNobodyKeepsAGhostDate()
    {
        var g = await StartGroupAsync();
        // Quinn belongs to the congregation but not to the group, and says she is coming to the next date.
        var quinnEmail = Unique.Email("quinn");
        await hub.CreatePersonAsync(quinnEmail, Password, name: "Quinn Neighbour");
        var quinn = await hub.SignedInClientAsync(quinnEmail, Password);
        await quinn.SubmitAsync(g.Congregation, new Dictionary<string, string>(), handler: "Join");
        var weekly = await ConfirmAsync(g, Day, "Weekly");
        await WithDbAsync(db => db.GatheringEvents.Where(e => e.Id == weekly) // it met a week ago, as time would have it
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.StartsAt, e => e.StartsAt.AddDays(-7)).SetProperty(e => e.EndsAt, e => e.EndsAt.AddDays(-7))));
        await AnswerAsync(quinn, weekly, At(Day));
        await AnswerAsync(g.Member, weekly, At(Day).AddDays(7));
        var (quinnId, calendar) = await WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == quinnEmail).Select(u => u.Id).SingleAsync();
            var token = $"quinn-{Guid.NewGuid():N}";
            db.MemberCalendars.Add(new MemberCalendar { UserId = id, Token = token, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (id, token);
        });
        var before = await GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{calendar}.ics"), Today.AddDays(60));
        Assert.Equal([Iso(At(Day))], before.SelectMany(e => e.Occurrences).Select(o => o.Start));

        // The group moves to the next weekday, still every week: the series splits, and nothing meets on the old day any more.
        var moved = await ConfirmAsync(g, NextDay, "Weekly");
        Assert.NotEqual(weekly, moved);
        var (parts, rows, answers) = await WithDbAsync(async db => (
            await db.GatheringEvents.AsNoTracking().Where(e => e.Id == weekly || e.Id == moved).ToListAsync(),
            await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == weekly || o.EventId == moved).ToListAsync(),
            await db.Rsvps.AsNoTracking().Where(r => (r.EventId == weekly || r.EventId == moved) && r.OccurrenceId != null).CountAsync()));
        Assert.All(rows, r => Assert.True(EventSchedule.IsRuleStart(parts.Single(e => e.Id == r.EventId), r.OriginalStart), $"{r.OriginalStart:u} is left over, not a date of its series"));
        Assert.Equal(0, answers);
        // Both who meant to come heard that their date is gone; Quinn's calendar no longer shows it.
        var memberId = await WithDbAsync(db => db.Users.Where(u => u.Email == g.MemberEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal([memberId, quinnId], await WithDbAsync(db => db.Notifications.Where(n => n.Kind == "gathering.date-dropped" && (n.UserId == quinnId || n.UserId == memberId))
            .OrderBy(n => n.UserId == quinnId).Select(n => n.UserId).ToListAsync()));
        var after = await GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{calendar}.ics"), Today.AddDays(60));
        Assert.Empty(after.SelectMany(e => e.Occurrences));
    }

    [Fact]
    public async Task RhythmChangedOnTheDayOfAMeetingStillToCome_ThatMeetingStays_AndTheNewRhythmGoesOnFromIt()
    {
        // A zone where it is about ten in the morning now, so that 13:00 today is still to come whatever the hour in UTC.
        var offset = 10 - DateTime.UtcNow.Hour;
        offset = offset < -12 ? offset + 24 : offset;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var zone = NodaTime.DateTimeZoneProviders.Tzdb[zoneId];
        var today = NodaTime.Instant.FromDateTimeUtc(DateTime.UtcNow).InZone(zone).Date;
        var slot = ((int)today.DayOfWeek - 1) * 24 + 13;
        DateTime On(NodaTime.LocalDate date) => TimeZones.ToUtc(date.At(new NodaTime.LocalTime(13, 0)), zone);
        var g = await StartGroupAsync(zoneId, slot);
        var weekly = await ConfirmAsync(g, slot, "Weekly");
        // It met a week ago, and meets again this afternoon.
        await WithDbAsync(db => db.GatheringEvents.Where(e => e.Id == weekly)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.StartsAt, e => e.StartsAt.AddDays(-14)).SetProperty(e => e.EndsAt, e => e.EndsAt.AddDays(-14))));
        Assert.Equal(On(today.PlusDays(-7)), await WithDbAsync(db => db.GatheringEvents.Where(e => e.Id == weekly).Select(e => e.StartsAt).SingleAsync()));
        await AnswerAsync(g.Member, weekly, On(today));

        // This morning, the group chooses every two weeks: this afternoon's meeting stays, and the new rhythm counts from it.
        var fortnightly = await ConfirmAsync(g, slot, "Fortnightly");
        var (starts, answered, dropped) = await WithDbAsync(async db => (
            await db.GatheringEvents.Where(e => e.Id == fortnightly).Select(e => new { e.StartsAt, e.Recurrence }).SingleAsync(),
            await db.Rsvps.Where(r => r.EventId == fortnightly && r.User.Email == g.MemberEmail && r.OccurrenceId != null).Select(r => r.Occurrence!.StartsAt).ToListAsync(),
            await db.Notifications.CountAsync(n => n.Kind == "gathering.date-dropped" && db.Users.Any(u => u.Id == n.UserId && u.Email == g.MemberEmail))));
        Assert.Equal((On(today), "FREQ=WEEKLY;INTERVAL=2"), (starts.StartsAt, starts.Recurrence));
        Assert.Equal([On(today)], answered);
        Assert.Equal(0, dropped);
        var (_, seriesPage) = await g.Member.GetAsync($"/gatherings/{fortnightly}");
        Assert.Equal([EventTime.Key(On(today)), EventTime.Key(On(today.PlusDays(14)))],
            seriesPage.QuerySelectorAll(".date-list a").Take(2).Select(a => a.GetAttribute("href")!.Split("date=")[1]));
    }
}
