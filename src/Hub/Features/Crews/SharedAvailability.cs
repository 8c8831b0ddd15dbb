namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Where the members' weekly availability overlaps. Each grid is 168 hours in its owner's zone;
/// all are shifted to UTC by the zone's offset this week, intersected, and shown back in the
/// crew's zone. Zones with half-hour offsets are rounded to the hour before (a known limit).
/// </summary>
public static class SharedAvailability
{
    public sealed record Slot(DayOfWeek Day, int StartHour, int Hours)
    {
        public string Label => $"{Day} {StartHour:00}:00–{(StartHour + Hours) % 24:00}:00";
    }

    /// <summary>Free hours (0–167, Monday 00:00 first) shared by every grid, in the crew's zone.</summary>
    public static IReadOnlyList<int> CommonHours(IEnumerable<(string Grid, TimeZoneInfo Zone)> members, TimeZoneInfo crewZone, DateTime nowUtc)
    {
        var common = Enumerable.Repeat(true, 168).ToArray();
        var any = false;
        foreach (var (grid, zone) in members)
        {
            if (grid.Length != 168)
            {
                continue;
            }
            any = true;
            var offset = (int)Math.Floor(zone.GetUtcOffset(nowUtc).TotalHours);
            var free = new bool[168];
            for (var local = 0; local < 168; local++)
            {
                if (grid[local] == '1')
                {
                    free[Mod(local - offset, 168)] = true;
                }
            }
            for (var utc = 0; utc < 168; utc++)
            {
                common[utc] &= free[utc];
            }
        }
        if (!any)
        {
            return [];
        }
        var crewOffset = (int)Math.Floor(crewZone.GetUtcOffset(nowUtc).TotalHours);
        return [.. Enumerable.Range(0, 168).Where(utc => common[utc]).Select(utc => Mod(utc + crewOffset, 168)).Order()];
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

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
