using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A congregation's pulse: on the day of each full (or new) moon in the congregation's own zone, at the
/// same wall-clock time. No RRULE can say this, so feeds list the dates (RDATE).
/// </summary>
public static class LunarRhythm
{
    public const string Full = "LUNAR=FULL";
    public const string New = "LUNAR=NEW";

    public static bool IsLunar(string recurrence) => recurrence is Full or New;

    public static string Describe(string recurrence) => recurrence == Full ? "on every full moon" : "on every new moon";

    /// <summary>Local starts on each phase day from the day of <paramref name="start"/> on.</summary>
    public static IEnumerable<LocalDateTime> Starts(string recurrence, LocalDateTime start, DateTimeZone zone, DateTime untilUtc)
    {
        var phase = recurrence == Full ? MoonPhase.Full : MoonPhase.New;
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
