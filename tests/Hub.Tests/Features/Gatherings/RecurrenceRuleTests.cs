using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Tests.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

public sealed class RecurrenceRuleTests
{
    private static GatheringEvent Event(string rule, string zone, DateTime startUtc, TimeSpan length) => new()
    {
        Id = Guid.NewGuid(),
        Title = "Network call",
        TimeZone = zone,
        Recurrence = rule,
        StartsAt = startUtc,
        EndsAt = startUtc + length,
    };

    [Fact]
    public void Expand_FirstThursdayInBerlin_KeepsWallClockAcrossDaylightSaving()
    {
        // 5 March 2026 19:30 CET is 18:30 UTC; from 29 March Berlin is on CEST, so 2 April 19:30 is 17:30 UTC.
        var e = Event("FREQ=MONTHLY;BYDAY=1TH", "Europe/Berlin", new DateTime(2026, 3, 5, 18, 30, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(90));
        var starts = EventSchedule.RuleStarts(e, new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)).ToList();
        Assert.Equal(10, starts.Count);
        Assert.Equal(new DateTime(2026, 4, 2, 17, 30, 0, DateTimeKind.Utc), starts[1]);
        Assert.Equal(new DateTime(2026, 10, 1, 17, 30, 0, DateTimeKind.Utc), starts[7]);
        Assert.Equal(new DateTime(2026, 11, 5, 18, 30, 0, DateTimeKind.Utc), starts[8]); // back on CET after 25 October
        var zone = EventTime.FindZone("Europe/Berlin")!;
        Assert.All(starts, s => Assert.Equal(new LocalTime(19, 30), EventTime.ToLocal(s, zone).TimeOfDay));
        Assert.All(starts, s => Assert.True(EventTime.ToLocal(s, zone).Day <= 7 && EventTime.ToLocal(s, zone).DayOfWeek == IsoDayOfWeek.Thursday));
    }

    [Fact]
    public void Expand_LastFridayFortnightlyCountAndUntil_FollowTheRfc()
    {
        Assert.True(RecurrenceRule.TryParse("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", out var last, out _));
        Assert.Equal(
            [new LocalDateTime(2026, 1, 30, 10, 0), new LocalDateTime(2026, 2, 27, 10, 0), new LocalDateTime(2026, 3, 27, 10, 0)],
            last.Expand(new LocalDateTime(2026, 1, 30, 10, 0)).ToList());

        Assert.True(RecurrenceRule.TryParse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5", out var fortnightly, out _));
        Assert.Equal(
            [new LocalDate(2026, 1, 6), new LocalDate(2026, 1, 8), new LocalDate(2026, 1, 20), new LocalDate(2026, 1, 22), new LocalDate(2026, 2, 3)],
            fortnightly.Expand(new LocalDateTime(2026, 1, 6, 18, 0)).Select(d => d.Date).ToList());

        // The 31st only in months that have one.
        Assert.True(RecurrenceRule.TryParse("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", out var thirtyFirst, out _));
        Assert.Equal([1, 3, 5], thirtyFirst.Expand(new LocalDateTime(2026, 1, 31, 9, 0)).Select(d => d.Month).ToList());

        var e = Event("FREQ=WEEKLY;UNTIL=20260120T235959Z", "America/New_York", new DateTime(2026, 1, 6, 23, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1));
        Assert.Equal(3, EventSchedule.RuleStarts(e, DateTime.MaxValue).Count());
    }

    [Fact]
    public void Snap_StartNotOnTheRule_MovesToTheFirstDateTheRuleGives()
    {
        Assert.True(RecurrenceRule.TryParse("FREQ=MONTHLY;BYDAY=1TH", out var rule, out _));
        Assert.Equal(new LocalDateTime(2026, 12, 3, 19, 30), rule.Snap(new LocalDateTime(2026, 11, 26, 19, 30)));
        Assert.Equal("every month on the first Thursday", rule.Describe(Words));
    }

    [Theory]
    [InlineData("en", "FREQ=MONTHLY;BYDAY=1TH", "every month on the first Thursday")]
    [InlineData("de", "FREQ=MONTHLY;BYDAY=1TH", "jeden Monat am ersten Donnerstag")]
    [InlineData("fr", "FREQ=WEEKLY;BYDAY=TU,TH", "chaque semaine, le mardi et le jeudi")]
    [InlineData("es", "FREQ=MONTHLY;BYMONTHDAY=15", "cada mes, el día 15")]
    [InlineData("pt-PT", "FREQ=MONTHLY;BYDAY=-1SA", "todos os meses, sábado da última semana")]
    public void Describe_InTheReadersLanguage_UsesItsWordsAndDayNames(string language, string text, string expected)
    {
        Assert.True(RecurrenceRule.TryParse(text, out var rule, out _));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            Assert.Equal(expected, rule.Describe(Words));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The hub's own words, as the pages read them.</summary>
    private static readonly IStringLocalizer Words = HubWords.Localizer;

    [Theory]
    [InlineData("FREQ=YEARLY", "FREQ=YEARLY is not supported")]
    [InlineData("FREQ=WEEKLY;BYDAY=1TH", "only makes sense in a monthly rule")]
    [InlineData("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS is not supported")]
    [InlineData("FREQ=MONTHLY;COUNT=3;UNTIL=20270101T000000Z", "COUNT or UNTIL, not both")]
    [InlineData("BYDAY=MO", "needs FREQ")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "not a day")]
    public void TryParse_WhatItDoesNotUnderstand_SaysWhy(string rule, string message)
    {
        Assert.False(RecurrenceRule.TryParse(rule, out _, out var error, Words));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Range_ViewerInAnotherZone_ShowsTheirTimeAndTheEventsZoneBeside()
    {
        var start = new DateTime(2026, 12, 3, 18, 30, 0, DateTimeKind.Utc);
        var text = EventTime.Range(start, start.AddMinutes(90), EventTime.FindZone("America/Mexico_City")!, EventTime.FindZone("Europe/Berlin")!);
        Assert.Equal("Thu 3 Dec 2026, 12:30–14:00 (America/Mexico_City) · Thu 3 Dec 2026, 19:30–21:00 in Europe/Berlin", text);
    }
}
