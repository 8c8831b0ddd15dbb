using Microsolidarity.Hub.Features.Gatherings;
using NodaTime;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// The hours every member of a crew is free, for the crew page's "when you can all meet". The
/// counting is the same as finding a time together (<see cref="AvailabilityOverlap"/>):
/// each hour of a real week in the crew's zone is looked up in each member's own zone, so daylight
/// saving and half-hour offsets fall where they really fall.
/// </summary>
public static class SharedAvailability
{
    public sealed record Slot(DayOfWeek Day, int StartHour, int Hours)
    {
        public string Label => $"{Day} {StartHour:00}:00–{(StartHour + Hours) % 24:00}:00";
    }

    /// <summary>Free hours (0–167, Monday 00:00 first) shared by every grid, in the crew's zone, in the week from <paramref name="nowUtc"/>.</summary>
    public static IReadOnlyList<int> CommonHours(IEnumerable<(string Grid, DateTimeZone Zone)> members, DateTimeZone crewZone, DateTime nowUtc)
    {
        var (counts, of) = Counts(members, crewZone, nowUtc);
        return of == 0 ? [] : [.. Enumerable.Range(0, 168).Where(hour => counts[hour] == of)];
    }

    /// <summary>How many members are free in each hour (in the crew's zone, the week from <paramref name="nowUtc"/>), and of how many who gave hours.</summary>
    public static (int[] Counts, int Of) Counts(IEnumerable<(string Grid, DateTimeZone Zone)> members, DateTimeZone crewZone, DateTime nowUtc)
    {
        var grids = members.Where(m => m.Grid.Length == 168).Select(m => new AvailabilityOverlap.Grid("", m.Grid, m.Zone)).ToList();
        if (grids.Count == 0)
        {
            return (new int[168], 0);
        }
        var today = Instant.FromDateTimeUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)).InZone(crewZone).Date;
        return (AvailabilityOverlap.Counts(grids, crewZone, AvailabilityOverlap.NextMonday(today)), grids.Count);
    }

    /// <summary>Runs of consecutive hours, e.g. Tuesday 19:00–21:00.</summary>
    public static IReadOnlyList<Slot> Slots(IReadOnlyList<int> hours)
    {
        var slots = new List<Slot>();
        for (var i = 0; i < hours.Count;)
        {
            var start = hours[i];
            var length = 1;
            while (i + length < hours.Count && hours[i + length] == start + length && (start + length) % 24 != 0)
            {
                length++;
            }
            slots.Add(new Slot(DayOf(start / 24), start % 24, length));
            i += length;
        }
        return slots;
    }

    /// <summary>Index 0 is Monday, as in the availability grid.</summary>
    public static DayOfWeek DayOf(int index) => (DayOfWeek)((index + 1) % 7);
}
