using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A congregation's pulse: on the day of each full (or new) moon in the congregation's own zone, at the
/// same wall-clock time. No RRULE can say this, so feeds list the dates (RDATE). "This and the
/// following" ends a rhythm with an UNTIL in the same style as RRULE's: LUNAR=FULL;UNTIL=20270314T000000Z.
/// </summary>
public static class LunarRhythm
{
    public const string Full = "LUNAR=FULL";
    public const string New = "LUNAR=NEW";
    private const string UntilPart = ";UNTIL=";
    private const string UntilFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static bool IsLunar(string recurrence) => Base(recurrence) is not null && (recurrence.Length == Base(recurrence)!.Length || TryUntil(recurrence, out _));

    /// <summary>LUNAR=FULL or LUNAR=NEW without an end; null for anything else.</summary>
    public static string? Base(string? recurrence) =>
        recurrence is null ? null : recurrence.StartsWith(Full, StringComparison.Ordinal) ? Full : recurrence.StartsWith(New, StringComparison.Ordinal) ? New : null;

    public static DateTime? Until(string recurrence) => TryUntil(recurrence, out var until) ? until : null;

    /// <summary>The same rhythm, ending at <paramref name="untilUtc"/>.</summary>
    public static string WithUntil(string recurrence, DateTime untilUtc) =>
        $"{Base(recurrence)}{UntilPart}{untilUtc.ToString(UntilFormat, CultureInfo.InvariantCulture)}";

    private static bool TryUntil(string recurrence, out DateTime until)
    {
        until = default;
        var b = Base(recurrence);
        return b is not null && recurrence.Length > b.Length && recurrence[b.Length..].StartsWith(UntilPart, StringComparison.Ordinal)
            && DateTime.TryParseExact(recurrence[(b.Length + UntilPart.Length)..], UntilFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out until);
    }

    /// <summary>The rhythm in the page's language: "on every new moon", with its end if it has one.</summary>
    public static string Describe(IStringLocalizer words, string recurrence)
    {
        var rhythm = words[Base(recurrence) == Full ? "Gatherings.Rule.FullMoon" : "Gatherings.Rule.NewMoon"];
        return Until(recurrence) is { } until ? words["Gatherings.Rule.Until", rhythm.Value, DateFormats.Format(until, "d MMMM yyyy")] : rhythm;
    }

    /// <summary>Local starts on each phase day from the day of <paramref name="start"/> on.</summary>
    public static IEnumerable<LocalDateTime> Starts(string recurrence, LocalDateTime start, DateTimeZone zone, DateTime untilUtc)
    {
        var phase = Base(recurrence) == Full ? MoonPhase.Full : MoonPhase.New;
        if (Until(recurrence) is { } end && end < untilUtc)
        {
            untilUtc = end;
        }
        var from = EventTime.ToUtc(start.Date.AtMidnight(), zone);
        foreach (var (p, utc) in MoonPhases.Between(from, untilUtc.AddDays(2)))
        {
            if (p != phase)
            {
                continue;
            }
            var local = EventTime.ToLocal(utc, zone).Date + start.TimeOfDay;
            if (EventTime.ToUtc(local, zone) > untilUtc)
            {
                yield break;
            }
            yield return local;
        }
    }
}
