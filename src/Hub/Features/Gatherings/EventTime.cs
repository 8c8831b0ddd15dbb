using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;
using NodaTime.Text;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Wall-clock times in IANA zones (NodaTime's copy of the tz database, so every server agrees), read
/// by the hub's one rule (<see cref="Platform.Web.TimeZones.At"/>): local times in a daylight-saving gap
/// move forward by the gap; an ambiguous hour takes the earlier instant, as RFC 5545 asks of calendar programs.
/// </summary>
public static class EventTime
{
    /// <summary>A zone of the tz database by name (any letter case); see <see cref="Platform.Web.TimeZones.Find"/>.</summary>
    public static DateTimeZone? FindZone(string? id) => Platform.Web.TimeZones.Find(id);

    public static DateTime ToUtc(LocalDateTime local, DateTimeZone zone) => Platform.Web.TimeZones.ToUtc(local, zone);

    public static LocalDateTime ToLocal(DateTime utc, DateTimeZone zone) => Platform.Web.TimeZones.ToLocal(utc, zone);

    /// <summary>
    /// The years a gathering's dates may take: wider than any real plan, narrow enough that every date
    /// computed from one (a series' next dates, a calendar's span, the day after an expiry) stays
    /// inside what a date can hold. A date outside is a typing slip, answered as one, never a crash.
    /// </summary>
    public const int FirstYear = 1900, LastYear = 2199;

    public static bool IsInRange(LocalDate date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>A day typed as 2027-05-31, within <see cref="FirstYear"/>..<see cref="LastYear"/>.</summary>
    public static bool TryParseDate(string? date, out LocalDate day)
    {
        var d = LocalDatePattern.Iso.Parse(date?.Trim() ?? "");
        day = d.Success ? d.Value : default;
        return d.Success && IsInRange(day);
    }

    public static bool TryParseLocal(string? date, string? time, out LocalDateTime local)
    {
        local = default;
        var t = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time?.Trim() ?? "");
        if (!TryParseDate(date, out var day) || !t.Success)
        {
            return false;
        }
        local = day + t.Value;
        return true;
    }

    /// <summary>"Thu 3 Dec 2026, 19:30" in the given zone, with day and month names in the reader's language.</summary>
    public static string Format(DateTime utc, DateTimeZone zone) =>
        DateFormats.Format(ToLocal(utc, zone).ToDateTimeUnspecified(), "ddd d MMM yyyy, HH:mm");

    public static string FormatTime(DateTime utc, DateTimeZone zone) =>
        ToLocal(utc, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A time range as the viewer reads it, in their zone, with the event's own zone beside it when
    /// it differs: "Thu 3 Dec 2026, 19:30–21:00 (Europe/London) · 20:30–22:00 in Europe/Berlin".
    /// </summary>
    public static string Range(DateTime startUtc, DateTime endUtc, DateTimeZone viewer, DateTimeZone eventZone, IStringLocalizer? words = null)
    {
        var mine = RangeIn(startUtc, endUtc, viewer);
        if (viewer.Id == eventZone.Id)
        {
            return $"{mine} ({eventZone.Id})";
        }
        var there = RangeIn(startUtc, endUtc, eventZone);
        return $"{mine} ({viewer.Id}) · " + (words is null ? $"{there} in {eventZone.Id}" : words["Gatherings.TimeInZone", there, eventZone.Id].Value);
    }

    /// <summary>"Thu 3 Dec 2026, 19:30–21:00" in one zone: a list shows each event once, in the viewer's zone.</summary>
    public static string RangeIn(DateTime startUtc, DateTime endUtc, DateTimeZone zone)
    {
        var start = ToLocal(startUtc, zone);
        var end = ToLocal(endUtc, zone);
        var first = DateFormats.Format(start.ToDateTimeUnspecified(), "ddd d MMM yyyy, HH:mm");
        return start.Date == end.Date
            ? $"{first}–{end.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{first} – {DateFormats.Format(end.ToDateTimeUnspecified(), "ddd d MMM yyyy, HH:mm")}";
    }

    /// <summary>
    /// For a <c>title</c> beside a time shown in the viewer's zone: the same time in the event's own
    /// zone ("19:30–21:00 in Europe/London, the event's zone"), or null when the two zones agree.
    /// </summary>
    public static string? InEventZone(DateTime startUtc, DateTime endUtc, DateTimeZone shown, DateTimeZone eventZone, IStringLocalizer? words = null) =>
        shown.Id == eventZone.Id ? null
        : words is null ? $"{RangeIn(startUtc, endUtc, eventZone)} in {eventZone.Id}, the event's zone"
        : words["Gatherings.TimeInEventZone", RangeIn(startUtc, endUtc, eventZone), eventZone.Id].Value;

    /// <summary>The key of an occurrence in URLs and in iCalendar: its rule start in UTC, 20261203T183000Z.</summary>
    public static string Key(DateTime utc) => utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A key from a URL; one outside the gatherings' years names no date (and would overflow a search around it).</summary>
    public static bool TryParseKey(string? key, out DateTime utc) =>
        DateTime.TryParseExact(key, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc)
        && utc.Year is >= FirstYear and <= LastYear;
}
