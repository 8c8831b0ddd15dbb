using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Accounts;
using Microsolidarity.Hub.Tests.Features.Gatherings;
using MimeKit;
using NodaTime;

namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>
/// The day-before reminder and the "retrospective is open" notice: each once per member, however often the
/// job runs. And the crew's one time: what the crew page, the calendar feed, the emails and the reminders say
/// after the crew confirms and re-confirms its slot.
/// </summary>
public sealed class CrewReminderTests : IAsyncLifetime
{
    private const string Password = "rain on a tin roof";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        // The scheduler stays quiet; the test runs the job itself, twice, to see that nothing goes twice.
        hub = await HubFactory.StartAsync(s => s["Crews:ReminderCheckInterval"] = "10:00:00");
        foreach (var name in new[] { "ona", "pia", "quin" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<int> RunJobAsync()
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendCrewReminders>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reminders_GoOncePerMeetingAndMember_InTheirZone_AndTheRetrospectiveIsAnnouncedOnce()
    {
        var (called, _) = await people["ona"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Harbour crew",
            ["Input.Purpose"] = "",
            ["Input.Invitees"] = "pia@test.example\nquin@test.example",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        var crew = called.Headers.Location!.OriginalString;
        foreach (var p in new[] { "pia", "quin" })
        {
            await people[p].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        }
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        var (started, _) = await people["ona"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        Assert.Equal(0, await RunJobAsync()); // nothing is within a day yet

        // Ona hosts the first meeting and plans it her own way: the reminder carries that plan, not the hub's default.
        var (planned, _) = await people["ona"].SubmitAsync($"{crew}/meetings/1", new Dictionary<string, string>
        {
            ["Rows[0].Slug"] = "check-in",
            ["Rows[0].Minutes"] = "15",
            ["Rows[1].Slug"] = "case-clinic",
            ["Rows[1].Minutes"] = "50",
            ["Rows[2].Slug"] = "commitments-round",
            ["Rows[2].Minutes"] = "10",
        }, handler: "Plan");
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);

        // Pia lives in Tokyo; the first meeting moves to 20:00 UTC the day after tomorrow's eve, within 24 hours.
        var startsAt = DateTime.UtcNow.AddHours(20);
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var pia = await db.Users.SingleAsync(u => u.Email == "pia@test.example");
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = pia.Id, TimeZone = "Asia/Tokyo" });
            await db.SaveChangesAsync();
            await db.CrewMeetings.Where(m => m.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, startsAt));
        }
        Assert.Equal(3, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(startsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var toPia = await hub.Smtp!.WaitForAsync("pia@test.example", "Tomorrow: Harbour crew, meeting 1");
        Assert.Contains($"at {tokyo:HH:mm} Asia/Tokyo", toPia.TextBody);
        var toOna = await hub.Smtp.WaitForAsync("ona@test.example", "Tomorrow: Harbour crew, meeting 1");
        Assert.Contains("You host this one.", toOna.TextBody);
        var toQuin = await hub.Smtp.WaitForAsync("quin@test.example", "Tomorrow: Harbour crew, meeting 1");
        // Everyone's reminder lists the meeting's plan, step by step with its minutes, and what each of them prepares:
        // Pia, whose case is in focus, her preparation; the others, reading it.
        const string plan = "The plan: Check-in round (15 min) → Case clinic (50 min) → Commitments round (10 min).";
        var meetingPage = $"{crew}/meetings/1";
        foreach (var mail in new[] { toPia, toOna, toQuin })
        {
            Assert.Contains(plan, Lines(mail.TextBody));
        }
        Assert.Contains(" Your case is in focus.", toPia.TextBody);
        Assert.Contains(Lines(toPia.TextBody), l => l.StartsWith("To prepare: a few lines on your case (the situation, what you have tried, the question you bring)", StringComparison.Ordinal) && l.EndsWith(meetingPage, StringComparison.Ordinal));
        foreach (var mail in new[] { toOna, toQuin })
        {
            Assert.Contains("Pia's case is in focus.", mail.TextBody);
            Assert.Contains(Lines(mail.TextBody), l => l.StartsWith("To prepare: read Pia's case, if they wrote it down, and how your commitments from last time went:", StringComparison.Ordinal) && l.EndsWith(meetingPage, StringComparison.Ordinal));
        }

        // The term runs out: the retrospective opens, and everyone hears it once.
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HubDbContext>().CrewMeetings
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-70)));
        }
        Assert.Equal(3, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());
        await hub.Smtp.WaitForAsync("quin@test.example", "Harbour crew: time for the retrospective");
        var (_, notices) = await people["quin"].GetAsync("/me/notifications");
        Assert.Contains("Harbour crew: your retrospective is open", notices.QuerySelector(".notices")!.TextContent);
        Assert.Single(hub.Smtp.Messages(), m => m.To.ToString().Contains("pia@test.example") && (m.Subject ?? "").Contains("Tomorrow"));
    }

    /// <summary>An email's text body, line by line (each paragraph of a notice is one line).</summary>
    private static string[] Lines(string? body) => (body ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries);

    private async Task<T> WithDbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        using var scope = hub.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>Ticks hours on finding a time (several boxes of one name, which a dictionary of fields cannot hold).</summary>
    private static async Task MarkAsync(FormClient person, string page, string zone, params int[] free)
    {
        var (_, html) = await person.GetAsync(page);
        var form = html.Forms.Single(f => (f.Action ?? "").Contains("handler=Mark"));
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("MarkZone", zone),
        };
        values.AddRange(free.Select(h => new KeyValuePair<string, string>("Free", h.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, (await person.Http.PostAsync(form.Action, new FormUrlEncodedContent(values))).StatusCode);
    }

    private sealed record Meeting(int Number, DateTime StartsAt, string Host, string Focus, int Sequence, DateTime? ReminderSentAt);

    private Task<List<Meeting>> MeetingsAsync(Guid crewId) => WithDbAsync(db => db.CrewMeetings.Where(m => m.CrewId == crewId).OrderBy(m => m.Number)
        .Select(m => new Meeting(m.Number, m.StartsAt, m.HostUserId, m.FocusUserId, m.Sequence, m.ReminderSentAt)).ToListAsync());

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>"Thursday 17 December at 03:00 America/New_York", worked out with the system's own zone data, not the hub's.</summary>
    private static string InZone(DateTime utc, string zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return $"{local.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)} {zone}";
    }

    [Fact]
    public async Task Reconfirming_MovesTheMeetingsStillToCome_CrewPageCalendarEmailAndRemindersAgree_AndTheTermEndsTheSeries()
    {
        var (called, _) = await people["ona"].SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Lantern crew",
            ["Input.Invitees"] = "pia@test.example\nquin@test.example",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Lisbon",
        });
        var crew = called.Headers.Location!.OriginalString;
        var crewId = Guid.Parse(crew.Split('/')[^1]);
        var time = $"{crew}/time";
        foreach (var p in new[] { "pia", "quin" })
        {
            await people[p].SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, handler: "Respond");
        }
        var ids = await WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Email!.Split('@', StringSplitOptions.None)[0], u => u.Id));
        var names = new Dictionary<string, string> { [ids["ona"]] = "Ona", [ids["pia"]] = "Pia", [ids["quin"]] = "Quin" };
        // Pia lives in New York; her profile's hours stay empty, so only what she ticks for the crew counts.
        await WithDbAsync(db => { db.Profiles.Add(new Profile { UserId = ids["pia"], TimeZone = "America/New_York" }); return db.SaveChangesAsync(); });
        var (_, before) = await people["ona"].GetAsync(crew);
        Assert.Contains("Nobody has shared their hours", before.QuerySelector("#slot")!.ParentElement!.TextContent);

        // All three tick their hours on finding a time, and the crew page counts every one of them.
        const int wednesday20 = 2 * 24 + 20, thursday08 = 3 * 24 + 8;
        foreach (var p in new[] { "ona", "pia", "quin" })
        {
            await MarkAsync(people[p], time, "Europe/Lisbon", wednesday20, thursday08);
        }
        var (_, shared) = await people["quin"].GetAsync(crew);
        var slotSection = shared.QuerySelector("#slot")!.ParentElement!.TextContent;
        Assert.Contains("All 3 of you have shared your hours.", slotSection);
        Assert.Contains("Wednesday 20:00–21:00", slotSection);
        Assert.Null(shared.QuerySelector("#not-shared"));

        // While the crew forms, Pia confirms Wednesday 20:00: it is the crew's slot, everyone hears, the start proposes its next date.
        var (confirmed, _) = await people["pia"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = wednesday20.ToString(CultureInfo.InvariantCulture) }, "Confirm");
        Assert.Equal(crew, confirmed.Headers.Location!.OriginalString);
        var formingMail = await hub.Smtp!.WaitForAsync("quin@test.example", "Lantern crew now meets every week on Wednesdays at 20:00 (Europe/Lisbon)");
        Assert.Contains("Pia confirmed a new time", formingMail.TextBody);
        Assert.Empty(formingMail.Attachments);
        Assert.Equal(0, await WithDbAsync(db => db.FoundTimes.CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.GatheringEvents.CountAsync()));
        var (_, forming) = await people["ona"].GetAsync(crew);
        Assert.Contains("Weekly on Wednesdays at 20:00 (Europe/Lisbon)", forming.QuerySelector("#slot-summary")!.TextContent);
        var lisbon = DateTimeZoneProviders.Tzdb["Europe/Lisbon"];
        var nextWednesday = Instant.FromDateTimeUtc(DateTime.UtcNow).InZone(lisbon).Date;
        while (nextWednesday.DayOfWeek != IsoDayOfWeek.Wednesday || nextWednesday.At(new LocalTime(20, 0)).InZoneLeniently(lisbon).ToDateTimeUtc() <= DateTime.UtcNow)
        {
            nextWednesday = nextWednesday.PlusDays(1);
        }
        var proposed = forming.QuerySelector("#first-date")!.GetAttribute("value")!;
        Assert.Equal(nextWednesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), proposed);
        var (started, _) = await people["ona"].SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = proposed }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var planned = await MeetingsAsync(crewId);
        Assert.Equal(6, planned.Count);

        // Two weeks on (two meetings held, the third reminded of already), Quin moves the crew to Thursdays at 08:00.
        var remindedAt = DateTime.UtcNow;
        await WithDbAsync(db => db.CrewMeetings.Where(m => m.CrewId == crewId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.StartsAt, m => m.StartsAt.AddDays(-14)).SetProperty(m => m.ReminderSentAt, m => m.Number <= 3 ? remindedAt : (DateTime?)null)));
        var held = (await MeetingsAsync(crewId)).Take(2).ToList();
        Assert.All(held, m => Assert.True(m.StartsAt < DateTime.UtcNow));
        var (moved, _) = await people["quin"].SubmitAsync(time, new Dictionary<string, string> { ["Slot"] = thursday08.ToString(CultureInfo.InvariantCulture) }, "Confirm");
        Assert.Equal(crew, moved.Headers.Location!.OriginalString);

        var after = await MeetingsAsync(crewId);
        Assert.Equal(held, after.Take(2));
        var toCome = after.Skip(2).ToList();
        Assert.Equal(planned.Skip(2).Select(m => (m.Number, m.Host, m.Focus)), toCome.Select(m => (m.Number, m.Host, m.Focus)));
        Assert.All(toCome, m => Assert.Equal((1, (DateTime?)null), (m.Sequence, m.ReminderSentAt)));
        Assert.True(toCome[0].StartsAt > DateTime.UtcNow && toCome[0].StartsAt <= DateTime.UtcNow.AddDays(7));
        for (var i = 0; i < toCome.Count; i++)
        {
            var local = Instant.FromDateTimeUtc(toCome[i].StartsAt).InZone(lisbon);
            Assert.Equal((IsoDayOfWeek.Thursday, new LocalTime(8, 0)), (local.DayOfWeek, local.TimeOfDay));
            Assert.Equal(toCome[0].StartsAt.Date.AddDays(7 * i), toCome[i].StartsAt.Date);
        }

        // The crew page says the same: its slot, and each meeting at its time with its host and focus person.
        var (_, page) = await people["ona"].GetAsync(crew);
        Assert.Contains("Weekly on Thursdays at 08:00 (Europe/Lisbon)", page.QuerySelector("#slot-summary")!.TextContent);
        var cards = page.QuerySelectorAll("article.card");
        Assert.Equal(after.Select(m => Iso(m.StartsAt)), cards.Select(c => c.QuerySelector("time")!.GetAttribute("datetime")!));
        Assert.Equal(after.Select(m => $"Host: {names[m.Host]} · Focus: {names[m.Focus]}"), cards.Select(c => c.QuerySelector("p")!.TextContent.Trim()));

        // So does Pia's calendar, read by Mozilla's ical.js: the six meetings of the term and nothing after them.
        const string token = "pias-private-calendar-token-for-the-crew-test";
        await WithDbAsync(db => { db.MemberCalendars.Add(new MemberCalendar { UserId = ids["pia"], Token = token, CreatedAt = DateTime.UtcNow }); return db.SaveChangesAsync(); });
        var feed = await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics");
        var events = await GatheringTestKit.ExpandWithIcalJsAsync(feed, DateTime.UtcNow.AddYears(2));
        var crewEvents = events.Where(e => e.Summary.StartsWith("Lantern crew", StringComparison.Ordinal)).ToList();
        Assert.Equal(after.Select(m => $"Lantern crew: meeting {m.Number}"), crewEvents.Select(e => e.Summary).Order());
        Assert.Equal(after.Select(m => Iso(m.StartsAt)), crewEvents.SelectMany(e => e.Occurrences).Select(o => Iso(DateTime.Parse(o.Start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))).Order());
        Assert.Equal(4, feed.Split("SEQUENCE:1\r\n").Length - 1);

        // Everyone heard, by notice and by email with the moved meetings attached: the same events, one revision on.
        var mail = await hub.Smtp.WaitForAsync("pia@test.example", "Lantern crew now meets every week on Thursdays at 08:00 (Europe/Lisbon)");
        Assert.Contains("Quin confirmed a new time", mail.TextBody);
        Assert.Contains($"the next is on {InZone(toCome[0].StartsAt, "America/New_York")}", mail.TextBody);
        var attached = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("crew-meetings.ics", attached.FileName);
        using var content = new MemoryStream();
        await attached.Content!.DecodeToAsync(content);
        var file = System.Text.Encoding.UTF8.GetString(content.ToArray());
        var fileEvents = await GatheringTestKit.ExpandWithIcalJsAsync(file, DateTime.UtcNow.AddYears(2));
        Assert.Equal(crewEvents.Where(e => fileEvents.Any(f => f.Uid == e.Uid)).Select(e => (e.Uid, e.Occurrences[0].Start)).Order(), fileEvents.Select(e => (e.Uid, e.Occurrences[0].Start)).Order());
        Assert.Equal(4, fileEvents.Count);
        foreach (var p in new[] { "ona", "quin" })
        {
            await hub.Smtp.WaitForAsync($"{p}@test.example", "Lantern crew now meets every week on Thursdays at 08:00");
        }
        var (_, notices) = await people["ona"].GetAsync("/me/notifications");
        Assert.Contains("Lantern crew now meets every week on Thursdays at 08:00 (Europe/Lisbon)", notices.QuerySelector(".notices")!.TextContent);

        // The day before the moved meeting, the reminder names its new time, in Pia's zone.
        // Quin reads Portuguese: his reminder names the plan's practices in the library's Portuguese.
        await WithDbAsync(db => db.Users.Where(u => u.Id == ids["quin"]).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "pt-PT")));
        var clock = new ShiftedClock();
        clock.Advance(toCome[0].StartsAt.AddHours(-12) - DateTime.UtcNow);
        await using (var later = hub.WithClock(clock))
        {
            using var scope = later.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SendCrewReminders>().RunAsync(CancellationToken.None);
            var reminder = await hub.Smtp.WaitForAsync("pia@test.example", "Tomorrow: Lantern crew, meeting 3");
            Assert.Contains($"Your crew meets on {InZone(toCome[0].StartsAt, "America/New_York")}.", reminder.TextBody);
            // Nobody planned this meeting or the crew's meetings: the reminder carries the hub's plan for a crew meeting.
            Assert.Contains("The plan: Check-in round (12 min) → Case clinic (55 min) → Check-out round (7 min).", Lines(reminder.TextBody));
            var his = await hub.Smtp.WaitForAsync("quin@test.example", "Amanhã: Lantern crew, encontro 3");
            Assert.Contains("Ronda de check-in", his.TextBody);
            Assert.Contains("Clínica de casos", his.TextBody);
        }

        // The caller ends the term early: the meetings not held leave the crew page and the calendar with it.
        await people["ona"].SubmitAsync(crew, new Dictionary<string, string>(), handler: "Close");
        var (_, closed) = await people["ona"].GetAsync(crew);
        Assert.Equal(held.Select(m => Iso(m.StartsAt)), closed.QuerySelectorAll("article.card time").Select(t => t.GetAttribute("datetime")!));
        var closedFeed = await GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics"), DateTime.UtcNow.AddYears(2));
        Assert.Equal(2, closedFeed.Count(e => e.Summary.StartsWith("Lantern crew", StringComparison.Ordinal)));

        // Pia reads Portuguese now: her feed speaks her saved language to any calendar program that asks (it sends no
        // cookie and no browser languages), and the crew's name stays as the crew wrote it.
        await WithDbAsync(db => db.Users.Where(u => u.Id == ids["pia"]).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "pt-PT")));
        var hers = await GatheringTestKit.ExpandWithIcalJsAsync(await hub.NewClient().Http.GetStringAsync($"/calendar/{token}.ics"), DateTime.UtcNow.AddYears(2));
        Assert.Equal(held.Select(m => $"Lantern crew: encontro {m.Number}"), hers.Select(e => e.Summary).Where(t => t.StartsWith("Lantern crew", StringComparison.Ordinal)).Order());
    }
}
