using Microsolidarity.Grouping;
using Microsolidarity.Hub.Features.Crews;

namespace Microsolidarity.Hub.Features.Formation;

/// <summary>
/// Between the grids people keep in their own zone (168 local hours, Monday first) and the UTC hour slots the
/// search compares. The round's deadline fixes the reference week, because daylight saving moves a local hour
/// against UTC during the year: everyone's hours are compared in the same week.
/// </summary>
public static class RoundSlots
{
    public static IReadOnlySet<int> ToUtc(string grid, TimeZoneInfo zone, DateTime referenceUtc)
    {
        var local = Enumerable.Range(0, Math.Min(grid.Length, 168)).Where(i => grid[i] == '1')
            .Select(i => (SharedAvailability.DayOf(i / 24), i % 24));
        return WeeklySlots.FromLocal(local, zone, DateOnly.FromDateTime(referenceUtc));
    }

    /// <summary>A UTC slot as a local hour of the grid (0 = Monday 00:00 in <paramref name="zone"/>).</summary>
    public static int ToLocal(int utcSlot, TimeZoneInfo zone, DateTime referenceUtc)
    {
        var reference = DateOnly.FromDateTime(referenceUtc);
        var monday = reference.AddDays(-(((int)reference.DayOfWeek + 6) % 7)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(monday.AddHours(utcSlot), zone);
        return ((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour;
    }

    /// <summary>"Tuesday 19:00–21:00, Thursday 18:00–19:00" in the given zone; runs of hours together.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<int> utcSlots, TimeZoneInfo zone, DateTime referenceUtc) =>
        [.. SharedAvailability.Slots([.. utcSlots.Select(s => ToLocal(s, zone, referenceUtc)).Distinct().Order()]).Select(s => s.Label)];

    public static IReadOnlyList<int> Parse(string slots) =>
        [.. slots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)];

    public static IReadOnlySet<string> Tags(string interests) =>
        interests.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
}
