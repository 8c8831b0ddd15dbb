using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Tests.Features.Gatherings;
using Microsolidarity.Hub.Tests.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Tests.Features.Crews;

public sealed class CrewScheduleTests
{
    /// <summary>Monthly: the second Tuesday stays the second Tuesday; a fifth Tuesday becomes each month's last one.</summary>
    [Fact]
    public void Monthly_KeepsTheWeekOfTheMonth_AndAFifthWeekdayBecomesTheLast()
    {
        var second = new LocalDate(2026, 1, 13); // the second Tuesday of January
        Assert.Equal([new(2026, 1, 13), new(2026, 2, 10), new(2026, 3, 10), new(2026, 4, 14)],
            Enumerable.Range(0, 4).Select(n => CrewSchedule.DateOf(CrewCadence.Monthly, second, n)));
        var fifth = new LocalDate(2026, 3, 31); // March 2026 has five Tuesdays
        Assert.Equal([new(2026, 3, 31), new(2026, 4, 28), new(2026, 5, 26), new(2026, 6, 30)],
            Enumerable.Range(0, 4).Select(n => CrewSchedule.DateOf(CrewCadence.Monthly, fifth, n)));
        Assert.Equal(new LocalDate(2026, 1, 27), CrewSchedule.DateOf(CrewCadence.Fortnightly, second, 1));
        Assert.Equal("once a month on Tuesdays at 19:00 (Europe/Lisbon)",
            CrewSchedule.SlotText(new Crew { Cadence = CrewCadence.Monthly, SlotDay = DayOfWeek.Tuesday, SlotTime = new TimeOnly(19, 0), TimeZone = "Europe/Lisbon" }));
    }

    private static DateTimeZone Zone(string id) => CrewSchedule.FindZone(id)!;

    private static Crew Weekly(DayOfWeek day, int hour, int minute = 0, string zone = "Europe/Lisbon") => new()
    {
        Id = Guid.NewGuid(),
        Name = "Harbour crew",
        MeetingsPerTerm = 6,
        Cadence = CrewCadence.Weekly,
        SlotDay = day,
        SlotTime = new TimeOnly(hour, minute),
        TimeZone = zone,
        Term = 1,
        SlotMinutes = 60,
    };

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Plan_AcrossDaylightSavingChangeInLisbon_KeepsLocalTimeAndRotatesHostAndFocus()
    {
        // Portugal moves its clocks forward on Sunday 28 March 2027.
        var meetings = CrewSchedule.Plan(Weekly(DayOfWeek.Tuesday, 19), new LocalDate(2027, 3, 16), ["a", "b", "c", "d"], Zone("Europe/Lisbon"));
        Assert.Equal(6, meetings.Count);
        Assert.Equal(Utc(2027, 3, 16, 19), meetings[0].StartsAt);
        Assert.Equal(Utc(2027, 3, 23, 19), meetings[1].StartsAt);
        Assert.Equal(Utc(2027, 3, 30, 18), meetings[2].StartsAt); // 19:00 summer time
        Assert.All(meetings, m => Assert.Equal(new LocalTime(19, 0), CrewSchedule.ToLocal(m.StartsAt, "Europe/Lisbon").TimeOfDay));
        Assert.Equal(["a", "b", "c", "d", "a", "b"], meetings.Select(m => m.HostUserId));
        Assert.Equal(["b", "c", "d", "a", "b", "c"], meetings.Select(m => m.FocusUserId));
        Assert.All(meetings, m => Assert.NotEqual(m.HostUserId, m.FocusUserId));
    }

    [Fact]
    public void Plan_AcrossBothDaylightSavingChangesInNewYork_StaysAtTheSameWallClockTime()
    {
        // New York springs forward on 14 March 2027 and falls back on 7 November 2027.
        var spring = CrewSchedule.Plan(Weekly(DayOfWeek.Thursday, 18, 30, "America/New_York"), new LocalDate(2027, 3, 4), ["a", "b", "c"], Zone("America/New_York"));
        Assert.Equal([Utc(2027, 3, 4, 23, 30), Utc(2027, 3, 11, 23, 30), Utc(2027, 3, 18, 22, 30), Utc(2027, 3, 25, 22, 30)], spring.Take(4).Select(m => m.StartsAt));
        var autumn = CrewSchedule.Plan(Weekly(DayOfWeek.Thursday, 18, 30, "America/New_York"), new LocalDate(2027, 10, 28), ["a", "b", "c"], Zone("America/New_York"));
        Assert.Equal([Utc(2027, 10, 28, 22, 30), Utc(2027, 11, 4, 22, 30), Utc(2027, 11, 11, 23, 30)], autumn.Take(3).Select(m => m.StartsAt));
    }

    [Fact]
    public void Plan_SlotInTheHourTheClocksSkipOrRepeat_TakesTheHourAfterTheGapAndTheFirstOfTheTwo()
    {
        // Sunday 14 March 2027, 02:30 does not exist in New York (02:00 becomes 03:00): the meeting is at 03:30 EDT.
        var skipped = CrewSchedule.Plan(Weekly(DayOfWeek.Sunday, 2, 30, "America/New_York"), new LocalDate(2027, 3, 7), ["a", "b", "c"], Zone("America/New_York"));
        Assert.Equal(Utc(2027, 3, 7, 7, 30), skipped[0].StartsAt);
        Assert.Equal(Utc(2027, 3, 14, 7, 30), skipped[1].StartsAt); // 03:30 EDT, the same instant 02:30 EST would have been
        Assert.Equal(Utc(2027, 3, 21, 6, 30), skipped[2].StartsAt);
        // Sunday 31 October 2027, 01:30 happens twice in Lisbon: the first (summer time) counts.
        var repeated = CrewSchedule.Plan(Weekly(DayOfWeek.Sunday, 1, 30), new LocalDate(2027, 10, 31), ["a", "b", "c"], Zone("Europe/Lisbon"));
        Assert.Equal(Utc(2027, 10, 31, 0, 30), repeated[0].StartsAt);
    }

    /// <summary>
    /// The rule for a slot the clocks skip or repeat, north and south of the equator: a skipped time moves on by
    /// the gap (Berlin and London in March, Sydney in October, Lord Howe Island's half-hour change), a repeated
    /// time is the first of the two, still on summer time (London and Berlin in October, Sydney and Lord Howe in
    /// April). The crew meets each Sunday; the second meeting falls on the night the clocks change, the first and
    /// third keep their wall-clock time.
    /// </summary>
    [Theory]
    [InlineData("Europe/Berlin", "2027-03-21", 2, 30, "2027-03-28T01:30:00Z", "03:30")] // 02:00 CET becomes 03:00 CEST
    [InlineData("Europe/London", "2027-03-21", 1, 30, "2027-03-28T01:30:00Z", "02:30")] // 01:00 GMT becomes 02:00 BST
    [InlineData("Europe/London", "2027-10-24", 1, 30, "2027-10-31T00:30:00Z", "01:30")] // 01:30 BST, then 01:30 GMT
    [InlineData("Europe/Berlin", "2027-10-24", 2, 30, "2027-10-31T00:30:00Z", "02:30")] // 02:30 CEST, then 02:30 CET
    [InlineData("Australia/Sydney", "2027-09-26", 2, 30, "2027-10-02T16:30:00Z", "03:30")] // 02:00 AEST becomes 03:00 AEDT
    [InlineData("Australia/Sydney", "2027-03-28", 2, 30, "2027-04-03T15:30:00Z", "02:30")] // 02:30 AEDT, then 02:30 AEST
    [InlineData("Australia/Sydney", "2027-03-28", 1, 30, "2027-04-03T14:30:00Z", "01:30")] // before Sydney's change: once
    [InlineData("Australia/Lord_Howe", "2027-03-28", 1, 30, "2027-04-03T14:30:00Z", "01:30")] // 02:00 (+11) goes back to 01:30 (+10:30)
    [InlineData("Australia/Lord_Howe", "2027-09-26", 2, 15, "2027-10-02T15:45:00Z", "02:45")] // 02:00 (+10:30) becomes 02:30 (+11)
    public void Plan_SundaySlotOnTheNightTheClocksChange_SkippedMovesOnByTheGap_RepeatedIsTheFirst(
        string zoneId, string firstDate, int hour, int minute, string changeNightUtc, string changeNightLocal)
    {
        var zone = Zone(zoneId);
        var first = NodaTime.Text.LocalDatePattern.Iso.Parse(firstDate).Value;
        var meetings = CrewSchedule.Plan(Weekly(DayOfWeek.Sunday, hour, minute, zoneId), first, ["a", "b", "c"], zone);

        var expected = DateTime.Parse(changeNightUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(expected, meetings[1].StartsAt);
        Assert.Equal(changeNightLocal, CrewSchedule.ToLocal(meetings[1].StartsAt, zoneId).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var slot = new LocalTime(hour, minute);
        Assert.Equal(slot, CrewSchedule.ToLocal(meetings[0].StartsAt, zoneId).TimeOfDay);
        Assert.Equal(slot, CrewSchedule.ToLocal(meetings[2].StartsAt, zoneId).TimeOfDay);
        Assert.Equal(first.PlusWeeks(1), CrewSchedule.ToLocal(meetings[1].StartsAt, zoneId).Date);
        // The hub's one rule says the same for anything else read at that wall-clock time (events, deadlines, digests).
        Assert.Equal(expected, TimeZones.ToUtc(first.PlusWeeks(1).At(slot), zone));
        Assert.Equal(expected, EventTime.ToUtc(first.PlusWeeks(1).At(slot), zone));
    }

    [Fact]
    public void Plan_Fortnightly_SpacesMeetingsTwoWeeksApart()
    {
        var crew = new Crew { Id = Guid.NewGuid(), MeetingsPerTerm = 3, Cadence = CrewCadence.Fortnightly, SlotDay = DayOfWeek.Tuesday, SlotTime = new TimeOnly(8, 30), Term = 2 };
        var meetings = CrewSchedule.Plan(crew, new LocalDate(2027, 1, 5), ["a", "b", "c"], Zone("America/Toronto"));
        Assert.Equal([Utc(2027, 1, 5, 13, 30), Utc(2027, 1, 19, 13, 30), Utc(2027, 2, 2, 13, 30)], meetings.Select(m => m.StartsAt));
        Assert.All(meetings, m => Assert.Equal(2, m.Term));
    }

    [Fact]
    public void NextDate_TheSlotLaterToday_IsToday_OnceItHasBegun_IsNextWeek()
    {
        var crew = Weekly(DayOfWeek.Wednesday, 19);
        var lisbon = Zone("Europe/Lisbon");
        Assert.Equal(new LocalDate(2026, 12, 9), CrewSchedule.NextDate(crew, lisbon, Utc(2026, 12, 9, 18, 59)));
        Assert.Equal(new LocalDate(2026, 12, 16), CrewSchedule.NextDate(crew, lisbon, Utc(2026, 12, 9, 19, 0)));
        Assert.Equal(new LocalDate(2026, 12, 9), CrewSchedule.NextDate(crew, lisbon, Utc(2026, 12, 3, 12, 0)));
    }

    [Fact]
    public void MoveRemaining_NewSlotAcrossDaylightSaving_MovesOnlyMeetingsToComeAndKeepsTheirHostsAndFocus()
    {
        var lisbon = Zone("Europe/Lisbon");
        var crew = Weekly(DayOfWeek.Tuesday, 19);
        var meetings = CrewSchedule.Plan(crew, new LocalDate(2027, 3, 2), ["a", "b", "c"], lisbon);
        var before = meetings.Select(m => (m.Number, m.StartsAt, m.HostUserId, m.FocusUserId)).ToList();
        meetings[2].ReminderSentAt = Utc(2027, 3, 15, 19);
        // On Tuesday 16 March at 20:00 UTC (meetings 1–3 held), the crew moves to Wednesdays at 08:00.
        var now = Utc(2027, 3, 16, 20);
        crew.SlotDay = DayOfWeek.Wednesday;
        crew.SlotTime = new TimeOnly(8, 0);
        var moved = CrewSchedule.MoveRemaining(crew, meetings, lisbon, now);

        Assert.Equal([4, 5, 6], moved.Select(m => m.Number));
        Assert.Equal(before.Take(3), meetings.Take(3).Select(m => (m.Number, m.StartsAt, m.HostUserId, m.FocusUserId)));
        // 17 March is winter time (08:00 UTC); 31 March is after Portugal's change (07:00 UTC), still 08:00 in Lisbon.
        Assert.Equal([Utc(2027, 3, 17, 8), Utc(2027, 3, 24, 8), Utc(2027, 3, 31, 7)], meetings.Skip(3).Select(m => m.StartsAt));
        Assert.Equal(before.Skip(3).Select(b => (b.HostUserId, b.FocusUserId)), meetings.Skip(3).Select(m => (m.HostUserId, m.FocusUserId)));
        Assert.All(moved, m => Assert.Equal((1, (DateTime?)null), (m.Sequence, m.ReminderSentAt)));
        Assert.Equal(Utc(2027, 3, 15, 19), meetings[2].ReminderSentAt); // held: untouched
        Assert.Empty(CrewSchedule.MoveRemaining(crew, meetings, lisbon, now)); // confirming the same slot again moves nothing
    }

    /// <summary>What a calendar program makes of the hub's file: Mozilla's ical.js expands it to the same instants, across both changes.</summary>
    [Theory]
    [InlineData("Europe/Lisbon", 2027, 3, 16)]
    [InlineData("America/New_York", 2027, 3, 2)]
    [InlineData("America/New_York", 2027, 10, 26)]
    [InlineData("Australia/Sydney", 2027, 3, 23)]
    [InlineData("Australia/Sydney", 2027, 9, 21)]
    public async Task CalendarFile_TermAcrossDaylightSaving_IcalJsReadsTheSameInstants(string zoneId, int year, int month, int day)
    {
        var crew = Weekly(DayOfWeek.Tuesday, 19, 0, zoneId);
        var meetings = CrewSchedule.Plan(crew, new LocalDate(year, month, day), ["a", "b", "c"], Zone(zoneId));
        var writer = new CalendarWriter("hub.test", Utc(year, month, 1, 0), HubWords.Localizer);
        foreach (var m in meetings)
        {
            writer.AddCrewMeeting(m.Id, crew.Name, m.Number, m.StartsAt, m.StartsAt.AddMinutes(60), zoneId, m.Sequence, "Ana", "Ben", "https://hub.test/crews/x");
        }
        var read = await GatheringTestKit.ExpandWithIcalJsAsync(writer.ToText("Harbour crew"), Utc(year + 1, 1, 1, 0));
        Assert.Equal(meetings.Select(m => m.StartsAt), read.SelectMany(e => e.Occurrences).Select(o => DateTime.Parse(o.Start, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).Order());
        Assert.All(read, e => Assert.Equal(zoneId, e.Zone));
    }

    /// <summary>A meeting on the night the clocks change, written to the calendar file: ical.js reads the instant the hub stored, repeated hours included.</summary>
    [Theory]
    [InlineData("Europe/Berlin", "2027-03-21", 2, 30)]
    [InlineData("Europe/London", "2027-10-24", 1, 30)]
    [InlineData("Australia/Sydney", "2027-09-26", 2, 30)]
    [InlineData("Australia/Sydney", "2027-03-28", 2, 30)]
    [InlineData("Australia/Lord_Howe", "2027-03-28", 1, 30)]
    public async Task CalendarFile_SlotOnTheNightTheClocksChange_IcalJsReadsTheSameInstants(string zoneId, string firstDate, int hour, int minute)
    {
        var crew = Weekly(DayOfWeek.Sunday, hour, minute, zoneId);
        var first = NodaTime.Text.LocalDatePattern.Iso.Parse(firstDate).Value;
        var meetings = CrewSchedule.Plan(crew, first, ["a", "b", "c"], Zone(zoneId));
        var writer = new CalendarWriter("hub.test", meetings[0].StartsAt.AddDays(-7), HubWords.Localizer);
        foreach (var m in meetings)
        {
            writer.AddCrewMeeting(m.Id, crew.Name, m.Number, m.StartsAt, m.StartsAt.AddMinutes(60), zoneId, m.Sequence, "Ana", "Ben", "https://hub.test/crews/x");
        }
        var read = await GatheringTestKit.ExpandWithIcalJsAsync(writer.ToText("Harbour crew"), Utc(first.Year + 1, 1, 1, 0));
        Assert.Equal(meetings.Select(m => m.StartsAt), read.SelectMany(e => e.Occurrences).Select(o => DateTime.Parse(o.Start, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).Order());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void FindZone_UnknownZone_IsNull(string zone) => Assert.Null(CrewSchedule.FindZone(zone));
}
