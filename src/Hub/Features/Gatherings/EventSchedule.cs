using Microsolidarity.Hub.Data.Gatherings;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>One occurrence as people see it: the rule's start (its key) and its times now.</summary>
public sealed record Occurrence(DateTime OriginalStart, DateTime StartsAt, DateTime EndsAt, bool IsCancelled, EventOccurrence? Row)
{
    public string Key => EventTime.Key(OriginalStart);
}

/// <summary>Expands an event into occurrences, applying the changes and cancellations stored per occurrence.</summary>
public static class EventSchedule
{
    /// <summary>The rule's starts in UTC, from the first, in order (UNTIL and COUNT applied), at most <paramref name="max"/>.</summary>
    public static IEnumerable<DateTime> RuleStarts(GatheringEvent e, DateTime untilUtc, int max = 1000)
    {
        if (LunarRhythm.IsLunar(e.Recurrence))
        {
            var lunarZone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
            foreach (var local in LunarRhythm.Starts(e.Recurrence, EventTime.ToLocal(e.StartsAt, lunarZone), lunarZone, untilUtc).Take(max))
            {
                yield return EventTime.ToUtc(local, lunarZone);
            }
            yield break;
        }
        if (string.IsNullOrEmpty(e.Recurrence) || !RecurrenceRule.TryParse(e.Recurrence, out var rule, out _))
        {
            if (e.StartsAt <= untilUtc)
            {
                yield return e.StartsAt;
            }
            yield break;
        }
        var zone = EventTime.FindZone(e.TimeZone) ?? DateTimeZone.Utc;
        var n = 0;
        foreach (var local in rule.Expand(EventTime.ToLocal(e.StartsAt, zone)))
        {
            var utc = EventTime.ToUtc(local, zone);
            if (utc > untilUtc || (rule.UntilUtc is { } until && utc > until) || n++ >= max)
            {
                yield break;
            }
            yield return utc;
        }
    }

    /// <summary>Occurrences whose time (as changed) overlaps [from, to), soonest first, cancelled ones included.</summary>
    public static IReadOnlyList<Occurrence> Between(GatheringEvent e, IEnumerable<EventOccurrence> rows, DateTime fromUtc, DateTime toUtc, int max = 200)
    {
        var byKey = rows.ToDictionary(r => r.OriginalStart);
        var length = e.EndsAt - e.StartsAt;
        var result = new List<Occurrence>();
        var seen = new HashSet<DateTime>();
        // A changed occurrence may have moved by up to a few weeks: look a little beyond the window.
        foreach (var start in RuleStarts(e, toUtc.AddDays(60)))
        {
            seen.Add(start);
            var o = byKey.TryGetValue(start, out var row)
                ? new Occurrence(start, row.StartsAt, row.EndsAt, row.IsCancelled, row)
                : new Occurrence(start, start, start + length, false, null);
            if (o.EndsAt > fromUtc && o.StartsAt < toUtc)
            {
                result.Add(o);
            }
        }
        result.AddRange(byKey.Values.Where(r => !seen.Contains(r.OriginalStart) && r.EndsAt > fromUtc && r.StartsAt < toUtc && IsRuleStart(e, r.OriginalStart))
            .Select(r => new Occurrence(r.OriginalStart, r.StartsAt, r.EndsAt, r.IsCancelled, r)));
        return [.. result.OrderBy(o => o.StartsAt).Take(max)];
    }

    public static bool IsRuleStart(GatheringEvent e, DateTime utc) =>
        RuleStarts(e, utc).Any(s => s == utc);

    public static bool IsRecurring(GatheringEvent e) => !string.IsNullOrEmpty(e.Recurrence);
}
