namespace Microsolidarity.Grouping;

/// <summary>
/// Weekly availability as hour slots in UTC (0 = Monday 00:00 UTC ... 167 = Sunday 23:00 UTC), so members in
/// different zones can be compared. The library knows no time zones: the caller turns each member's local hours
/// into these slots for a reference week (daylight saving moves a local hour against UTC during the year), with
/// its own zone model (the hub's is NodaTime's, in <c>RoundSlots</c>), so there is one rule for the gaps and
/// overlaps, not two.
/// </summary>
public static class WeeklySlots
{
    public const int PerWeek = 7 * 24;

    public static int Of(DayOfWeek day, int hour) => ((int)day + 6) % 7 * 24 + hour;

    public static string Describe(int slot) => $"{(DayOfWeek)((slot / 24 + 1) % 7)} {slot % 24:00}:00 UTC";
}
