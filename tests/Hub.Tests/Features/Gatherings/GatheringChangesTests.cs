using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>
/// Series answers with limited places, rule edits after single-date answers, moon rhythms changed from
/// one pulse on, discount codes with limits, time to pay after a promotion, and the announcement of an
/// event made public by an edit: each through the operations, on the real database.
/// </summary>
public sealed class GatheringChangesTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private WebApplicationFactory<Program> withSink = null!;

    /// <summary>Records each announcement as a row in the announcing unit of work, as the webhook sink does.</summary>
    private sealed class RecordingSink(HubDbContext db) : IAnnouncementSink
    {
        public Task AnnounceAsync(Announcement announcement, CancellationToken cancellationToken)
        {
            db.HubSettings.Add(new HubSetting { Key = $"announced:{Guid.NewGuid()}", Value = announcement.Url, UpdatedAt = DateTime.UtcNow });
            return Task.CompletedTask;
        }
    }

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(s => s["Hub:PublicUrl"] = "http://hub.test", smtp: false);
        withSink = hub.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IAnnouncementSink, RecordingSink>()));
        using var scope = hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        foreach (var name in new[] { "host", "ana", "ben", "cy" }.Concat(Enumerable.Range(1, 12).Select(i => $"p{i}")))
        {
            db.Users.Add(new HubUser { Id = name, UserName = $"{name}@test.example", Email = $"{name}@test.example", DisplayName = name, CreatedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await withSink.DisposeAsync();
        await hub.DisposeAsync();
    }

    private static Viewer Person(string id, bool admin = false) => new(id, admin, true, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), null);
    private static readonly Viewer Host = Person("host", admin: true);

    private static EventInput Input(string title, string rule, int? capacity, string date, string start = "19:30", string end = "21:00",
        EventVisibility visibility = EventVisibility.Public) =>
        new(EventScale.Network, null, null, title, "", EventKind.Gathering, visibility, false, "Community hall", "", date, start, "", end,
            "Europe/Berlin", rule, capacity, false, "", AttendeeListVisibility.HostsOnly);

    /// <summary>A date a few days ahead that falls on <paramref name="day"/>.</summary>
    private static string Next(DayOfWeek day, int after = 3)
    {
        var date = DateTime.UtcNow.Date.AddDays(after);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }
        return date.ToString("yyyy-MM-dd");
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<AnswerEvent.Result> AnswerAsync(string person, Guid eventId, string? key, RsvpStatus status) =>
        InScopeAsync(s => s.GetRequiredService<AnswerEvent>().RunAsync(Person(person), eventId, key, status));

    private Task<Guid> CreateAsync(EventInput input) =>
        InScopeAsync(async s => (await s.GetRequiredService<CreateEvent>().RunAsync(Host, input)).Id!.Value);

    private Task<List<Occurrence>> DatesAsync(Guid eventId) => InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<HubDbContext>();
        var e = await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == eventId);
        var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == eventId).ToListAsync();
        return EventSchedule.Between(e, rows, DateTime.UtcNow, DateTime.UtcNow.AddDays(AnswerEvent.SeriesHorizonDays)).ToList();
    });

    private Task<List<(string User, DateTime Start, RsvpStatus Status)>> AnswersAsync(Guid eventId) => InScopeAsync(async s =>
        (await s.GetRequiredService<HubDbContext>().Rsvps.AsNoTracking().Where(r => r.EventId == eventId && r.OccurrenceId != null)
            .Select(r => new { r.UserId, r.Occurrence!.OriginalStart, r.Status }).ToListAsync())
        .Select(r => (r.UserId, r.OriginalStart, r.Status)).OrderBy(r => r.OriginalStart).ToList());

    [Fact]
    public async Task AnswerSeries_LimitedPlaces_APlaceWhereThereIsRoomTheWaitlistElsewhere_ToldWhichIsWhich()
    {
        var eventId = await CreateAsync(Input("Weekly practice circle", "FREQ=WEEKLY", 1, Next(DayOfWeek.Tuesday)));
        var dates = await DatesAsync(eventId);
        Assert.True(dates.Count >= 20);
        Assert.Equal(RsvpStatus.Going, (await AnswerAsync("ana", eventId, dates[1].Key, RsvpStatus.Going)).Status);

        // Ben reads the hub in German: the page answers in the request's words, his email in his own language.
        await InScopeAsync(s => s.GetRequiredService<HubDbContext>().Users.Where(u => u.Id == "ben").ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "de")));
        var result = await AnswerAsync("ben", eventId, null, RsvpStatus.Going);
        Assert.True(result.Outcome.Succeeded);
        Assert.Contains($"You have a place on the other {dates.Count - 1} dates", result.Summary);
        Assert.Contains("Some dates are full, so you are on the waitlist for 1 date:", result.Summary);
        Assert.DoesNotContain($"waitlist for 1 date: {EventTime.Format(dates[0].StartsAt, EventTime.FindZone("Europe/Berlin")!)}", result.Summary);
        Assert.Contains($"waitlist for 1 date: {EventTime.Format(dates[1].StartsAt, EventTime.FindZone("Europe/Berlin")!)}.", result.Summary);
        Assert.Contains("are not counted yet", result.Summary);
        var ben = (await AnswersAsync(eventId)).Where(a => a.User == "ben").ToList();
        Assert.Equal(dates.Count, ben.Count);
        Assert.Equal(RsvpStatus.Waitlisted, ben.Single(a => a.Start == dates[1].OriginalStart).Status);
        Assert.All(ben.Where(a => a.Start != dates[1].OriginalStart), a => Assert.Equal(RsvpStatus.Going, a.Status));
        // One message for the whole answer, not one per date.
        Assert.Equal(1, await InScopeAsync(s => s.GetRequiredService<HubDbContext>().Notifications.CountAsync(n => n.UserId == "ben")));
        var email = await InScopeAsync(s => s.GetRequiredService<HubDbContext>().OutgoingEmails.AsNoTracking().SingleAsync(m => m.ToAddress == "ben@test.example"));
        Assert.Equal("Deine Termine für Weekly practice circle", email.Subject);
        Assert.Contains("Einige Termine sind voll, daher stehst du für 1 Termin auf der Warteliste: ", email.TextBody);
        Assert.Contains($"Du hast einen Platz an den anderen {dates.Count - 1} Terminen, vom ", email.TextBody);
        Assert.Contains("zählen noch nicht: Beantworte sie, wenn sie näher rücken.", email.TextBody);

        // Answering again changes nothing; when Ana makes room, Ben takes her place.
        await AnswerAsync("ben", eventId, null, RsvpStatus.Going);
        Assert.Equal(dates.Count, (await AnswersAsync(eventId)).Count(a => a.User == "ben"));
        await AnswerAsync("ana", eventId, dates[1].Key, RsvpStatus.CantGo);
        Assert.Equal(RsvpStatus.Going, (await AnswersAsync(eventId)).Single(a => a.User == "ben" && a.Start == dates[1].OriginalStart).Status);
    }

    [Fact]
    public async Task EditRule_AfterSingleDateAnswers_KeepsAnswersOnDatesThatRemain_DropsTheOthersAndTellsThosePeople()
    {
        var tuesday = Next(DayOfWeek.Tuesday);
        var eventId = await CreateAsync(Input("Tuesday call", "FREQ=WEEKLY", null, tuesday));
        var dates = await DatesAsync(eventId);
        await AnswerAsync("ana", eventId, dates[0].Key, RsvpStatus.Going);
        await AnswerAsync("ana", eventId, dates[1].Key, RsvpStatus.Maybe);
        await AnswerAsync("ben", eventId, dates[1].Key, RsvpStatus.Going);
        await AnswerAsync("cy", eventId, dates[2].Key, RsvpStatus.Going);

        // Every two weeks, and half an hour later: the first and third dates remain, the second goes.
        var outcome = await InScopeAsync(s => s.GetRequiredService<EditEvent>().RunAsync(Host, eventId, Input("Tuesday call", "FREQ=WEEKLY;INTERVAL=2", null, tuesday, "20:00", "21:30")));
        Assert.True(outcome.Succeeded, outcome.Message);
        var after = await DatesAsync(eventId);
        var answers = await AnswersAsync(eventId);
        Assert.Equal([("ana", after[0].OriginalStart, RsvpStatus.Going), ("cy", after[1].OriginalStart, RsvpStatus.Going)], answers);
        Assert.Equal(dates[2].OriginalStart.AddMinutes(30), after[1].OriginalStart);
        Assert.Equal(after[1].OriginalStart, after[1].StartsAt);
        var told = await InScopeAsync(s => s.GetRequiredService<HubDbContext>().Notifications.Where(n => n.Kind == "gathering.date-dropped").Select(n => n.UserId).OrderBy(u => u).ToListAsync());
        Assert.Equal(["ana", "ben"], told);
        Assert.Equal(0, await InScopeAsync(s => s.GetRequiredService<HubDbContext>().EventOccurrences.CountAsync(o => o.EventId == eventId && o.OriginalStart == dates[1].OriginalStart)));
    }

    [Fact]
    public async Task MoonRhythm_CancelAndMoveThisAndTheFollowing_EndsTheRhythmBeforeThePulse_AndGoesOnAtTheNewTime()
    {
        var eventId = await CreateAsync(Input("Full-moon call", LunarRhythm.Full, null, DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd")));
        var pulses = await DatesAsync(eventId);
        Assert.True(pulses.Count >= 5);
        await AnswerAsync("ana", eventId, pulses[3].Key, RsvpStatus.Going);
        var change = (Guid id, string key, OccurrenceChange what, string? date = null) => InScopeAsync(s =>
            s.GetRequiredService<ChangeOccurrence>().RunAsync(Host, id, key, what, date, "20:00", "21:30"));

        // From the third pulse on, at 20:00 instead of 19:30 (a new date must be the pulse's own day).
        var day = EventTimeLocalDate(pulses[2].StartsAt);
        var (moved, nextId) = await change(eventId, pulses[2].Key, OccurrenceChange.MoveThisAndFollowing, day);
        Assert.True(moved.Succeeded, moved.Message);
        Assert.NotEqual(eventId, nextId);
        var before = await DatesAsync(eventId);
        Assert.Equal(2, before.Count);
        var after = await DatesAsync(nextId);
        Assert.Equal(pulses.Skip(2).Take(3).Select(p => EventTimeLocalDate(p.StartsAt)), after.Take(3).Select(p => EventTimeLocalDate(p.StartsAt)));
        Assert.All(after, p => Assert.Equal("20:00", EventTimeLocalTime(p.StartsAt)));
        // Ana's answer to a later pulse went with it.
        Assert.Equal([("ana", after[1].OriginalStart, RsvpStatus.Going)], await AnswersAsync(nextId));

        var (cancelled, _) = await change(nextId, after[2].Key, OccurrenceChange.CancelThisAndFollowing);
        Assert.True(cancelled.Succeeded, cancelled.Message);
        Assert.Equal(2, (await DatesAsync(nextId)).Count);

        // Calendar programs see the same four pulses: ical.js expands both parts as the hub does.
        var until = DateTime.UtcNow.AddYears(2);
        var parsed = await GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync("/calendar.ics"), until);
        foreach (var id in new[] { eventId, nextId })
        {
            var ours = await InScopeAsync(async s =>
            {
                var db = s.GetRequiredService<HubDbContext>();
                var e = await db.GatheringEvents.AsNoTracking().Include(x => x.Occurrences).SingleAsync(x => x.Id == id);
                return EventSchedule.Between(e, e.Occurrences, e.StartsAt.AddSeconds(-1), until, 1000).Where(o => !o.IsCancelled)
                    .Select(o => o.StartsAt.ToString("yyyy-MM-ddTHH:mm:ss.000Z")).ToList();
            });
            var theirs = parsed.Single(p => p.Uid.StartsWith(id.ToString("N"), StringComparison.Ordinal));
            Assert.Equal(2, ours.Count);
            Assert.Equal(ours, theirs.Occurrences.Select(o => o.Start).Order());
        }
    }

    private static string EventTimeLocalDate(DateTime utc) => EventTime.ToLocal(utc, EventTime.FindZone("Europe/Berlin")!).Date.ToString("yyyy-MM-dd", null);
    private static string EventTimeLocalTime(DateTime utc) => EventTime.ToLocal(utc, EventTime.FindZone("Europe/Berlin")!).ToString("HH:mm", null);

    [Fact]
    public async Task DiscountCode_LimitedUsesUnderConcurrency_TheLastUseGoesToExactlyOnePerson_ExpiredRefused()
    {
        var eventId = await CreateAsync(Input("Coliving week", "", 50, Next(DayOfWeek.Monday, 10)));
        var (tier, problems) = await InScopeAsync(async s =>
        {
            var setUp = s.GetRequiredService<SetUpTickets>();
            await setUp.AddTierAsync(Host, eventId, "Standard", "100", false, null);
            var bad = await setUp.AddCodeAsync(Host, eventId, "x", 10, "many", "someday");
            Assert.True((await setUp.AddCodeAsync(Host, eventId, "friends", 50, "3", null)).Succeeded);
            Assert.True((await setUp.AddCodeAsync(Host, eventId, "early", 20, null, DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"))).Succeeded);
            return (await s.GetRequiredService<HubDbContext>().TicketTiers.Where(t => t.EventId == eventId).Select(t => t.Id).SingleAsync(), bad);
        });
        Assert.Equal(["Code", "ExpiresOn", "MaxUses"], problems.Problems.Select(p => p.Field).Order());
        var buyers = Enumerable.Range(1, 12).Select(i => $"p{i}").ToList();
        foreach (var p in buyers)
        {
            await AnswerAsync(p, eventId, null, RsvpStatus.Going);
        }
        // Twelve people try the three-use code at the same moment.
        var results = await Task.WhenAll(buyers.Select(p => InScopeAsync(s => s.GetRequiredService<ChooseTicket>().RunAsync(Person(p), eventId, tier, null, "FRIENDS", null))));
        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("used as many times as the hosts allowed", r.Message));
        var (uses, withCode) = await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HubDbContext>();
            return (await db.DiscountCodes.Where(d => d.Code == "FRIENDS").Select(d => d.Uses).SingleAsync(), await db.Tickets.CountAsync(t => t.DiscountCode == "FRIENDS" && t.Amount == 50));
        });
        Assert.Equal((3, 3), (uses, withCode));

        // Someone gives their use back by choosing no code; the next person gets it.
        var holder = buyers[results.ToList().FindIndex(r => r.Succeeded)];
        var waiting = buyers[results.ToList().FindIndex(r => !r.Succeeded)];
        Assert.True((await InScopeAsync(s => s.GetRequiredService<ChooseTicket>().RunAsync(Person(holder), eventId, tier, null, "", null))).Succeeded);
        Assert.True((await InScopeAsync(s => s.GetRequiredService<ChooseTicket>().RunAsync(Person(waiting), eventId, tier, null, "friends", null))).Succeeded);
        var expired = await InScopeAsync(s => s.GetRequiredService<ChooseTicket>().RunAsync(Person(waiting), eventId, tier, null, "EARLY", null));
        Assert.Equal("Code", expired.Field);
        Assert.Contains("could be used until", expired.Message);
    }

    [Fact]
    public async Task WaitlistPromotion_PaidEvent_OffersThePlaceWithTimeToPay_UnpaidItPassesToTheNextOnce()
    {
        var eventId = await CreateAsync(Input("Winter intensive", "", 1, Next(DayOfWeek.Friday, 10)));
        var tier = await InScopeAsync(async s =>
        {
            var setUp = s.GetRequiredService<SetUpTickets>();
            await setUp.AddTierAsync(Host, eventId, "Standard", "120", false, null);
            Assert.Equal("HoursToPay", (await setUp.SetHoursToPayAsync(Host, eventId, "0")).Field);
            Assert.True((await setUp.SetHoursToPayAsync(Host, eventId, "24")).Succeeded);
            return await s.GetRequiredService<HubDbContext>().TicketTiers.Where(t => t.EventId == eventId).Select(t => t.Id).SingleAsync();
        });
        foreach (var p in new[] { "ana", "ben", "cy" })
        {
            await AnswerAsync(p, eventId, null, RsvpStatus.Going);
        }
        // Cy paid while waiting; Ben did not.
        await InScopeAsync(async s =>
        {
            Assert.True((await s.GetRequiredService<ChooseTicket>().RunAsync(Person("cy"), eventId, tier, null, null, null)).Succeeded);
            var ticket = await s.GetRequiredService<HubDbContext>().Tickets.Where(t => t.UserId == "cy").Select(t => t.Id).SingleAsync();
            return (await s.GetRequiredService<TendTicket>().MarkPaidAsync(Host, ticket)).Succeeded;
        });
        var promotedAt = DateTime.UtcNow;
        await AnswerAsync("ana", eventId, null, RsvpStatus.CantGo);
        var ben = await InScopeAsync(s => s.GetRequiredService<HubDbContext>().Rsvps.AsNoTracking().SingleAsync(r => r.EventId == eventId && r.UserId == "ben"));
        Assert.Equal(RsvpStatus.Going, ben.Status);
        Assert.InRange(ben.PayBy!.Value, promotedAt.AddHours(24).AddMinutes(-1), DateTime.UtcNow.AddHours(24).AddMinutes(1));

        Task<int> ExpireAt(DateTime now) => InScopeAsync(s => s.GetRequiredService<ExpireUnpaidPlaces>().RunAsync(now));
        Assert.Equal(0, await ExpireAt(ben.PayBy.Value.AddMinutes(-1)));
        // Two nodes at once after the deadline: the place passes on once.
        Assert.Equal(1, (await Task.WhenAll(ExpireAt(ben.PayBy.Value.AddMinutes(1)), ExpireAt(ben.PayBy.Value.AddMinutes(1)))).Sum());
        var (statuses, kinds, going) = await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<HubDbContext>();
            return (await db.Rsvps.AsNoTracking().Where(r => r.EventId == eventId).ToDictionaryAsync(r => r.UserId, r => (r.Status, r.PayBy)),
                await db.Notifications.Where(n => n.UserId == "ben" || n.UserId == "cy").Select(n => n.UserId + ":" + n.Kind).ToListAsync(),
                await db.EventOccurrences.Where(o => o.EventId == eventId).Select(o => o.GoingCount).SingleAsync());
        });
        Assert.Equal((RsvpStatus.CantGo, (DateTime?)null), statuses["ben"]);
        Assert.Equal((RsvpStatus.Going, (DateTime?)null), statuses["cy"]); // already paid: no deadline
        Assert.Equal(1, going);
        Assert.Contains("ben:gathering.promoted", kinds);
        Assert.Contains("ben:gathering.place-lapsed", kinds);
        Assert.Contains("cy:gathering.promoted", kinds);
        Assert.Equal(0, await ExpireAt(DateTime.UtcNow.AddDays(30)));
    }

    [Fact]
    public async Task Edit_MakesAnEventPublic_AnnouncesItOnce()
    {
        int Announced() { using var scope = withSink.Services.CreateScope(); return scope.ServiceProvider.GetRequiredService<HubDbContext>().HubSettings.Count(h => h.Key.StartsWith("announced:")); }
        using var scope = withSink.Services.CreateScope();
        var s = scope.ServiceProvider;
        var date = Next(DayOfWeek.Saturday, 20);
        var (_, id) = await s.GetRequiredService<CreateEvent>().RunAsync(Host, Input("Quiet retreat", "", null, date, visibility: EventVisibility.NetworkMembers));
        Assert.Equal(0, Announced());
        async Task Edit(EventVisibility v)
        {
            using var inner = withSink.Services.CreateScope();
            Assert.True((await inner.ServiceProvider.GetRequiredService<EditEvent>().RunAsync(Host, id!.Value, Input("Quiet retreat", "", null, date, visibility: v))).Succeeded);
        }
        await Edit(EventVisibility.Public);
        Assert.Equal(1, Announced());
        // Read in a chat room, far from the hub: the link is absolute, on the hub's public address.
        using (var check = withSink.Services.CreateScope())
        {
            Assert.Equal($"http://hub.test/gatherings/{id}", check.ServiceProvider.GetRequiredService<HubDbContext>().HubSettings.Single(h => h.Key.StartsWith("announced:")).Value);
        }
        await Edit(EventVisibility.Public);
        await Edit(EventVisibility.NetworkMembers);
        await Edit(EventVisibility.Public);
        Assert.Equal(1, Announced());
    }
}
