namespace Microsolidarity.Grouping;

/// <summary>
/// Weekly availability as hour slots in UTC (0 = Monday 00:00 UTC ... 167 = Sunday 23:00 UTC), so members in
/// different zones can be compared. The conversion takes a reference week because daylight saving moves a
/// local hour against UTC during the year.
/// </summary>
public static class WeeklySlots
{
    public const int PerWeek = 7 * 24;

    public static int Of(DayOfWeek day, int hour) => ((int)day + 6) % 7 * 24 + hour;

    public static IReadOnlySet<int> FromLocal(IEnumerable<(DayOfWeek Day, int Hour)> local, TimeZoneInfo zone, DateOnly weekOf)
    {
        var monday = weekOf.AddDays(-(((int)weekOf.DayOfWeek + 6) % 7));
        var slots = new HashSet<int>();
        foreach (var (day, hour) in local)
        {
            var date = monday.AddDays(((int)day + 6) % 7);
            var wall = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(wall))
            {
                continue; // the hour skipped when clocks go forward
            }
            var utc = TimeZoneInfo.ConvertTimeToUtc(wall, zone);
            slots.Add(Of(utc.DayOfWeek, utc.Hour));
        }
        return slots;
    }

    public static string Describe(int slot) => $"{(DayOfWeek)((slot / 24 + 1) % 7)} {slot % 24:00}:00 UTC";
}
