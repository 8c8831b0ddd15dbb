using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// "Once a month, the same weekday": the weekday of a first date, in the same week of each month (the second Tuesday
/// stays the second Tuesday; a fifth becomes each month's last, since most months have none). One rule for crews that
/// meet monthly and working groups that found a monthly time, written to calendars as RRULE:FREQ=MONTHLY;BYDAY=+2TU.
/// </summary>
public static class MonthlyWeekday
{
    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>The RFC 5545 rule whose dates are <see cref="DateOf"/>'s: FREQ=MONTHLY;BYDAY=+2TU, or -1TU for a fifth.</summary>
    public static string Rule(LocalDate first)
    {
        var week = (first.Day - 1) / 7;
        return $"FREQ=MONTHLY;BYDAY={(week == 4 ? "-1" : $"+{week + 1}")}{DayCodes[(int)first.DayOfWeek - 1]}";
    }

    /// <summary>The date <paramref name="n"/> months after <paramref name="first"/>, on the same weekday in the same week of its month.</summary>
    public static LocalDate DateOf(LocalDate first, int n)
    {
        var month = first.PlusMonths(n);
        var start = new LocalDate(month.Year, month.Month, 1);
        var week = (first.Day - 1) / 7;
        if (week == 4)
        {
            var last = start.PlusMonths(1).PlusDays(-1);
            return last.DayOfWeek == first.DayOfWeek ? last : last.Previous(first.DayOfWeek);
        }
        return (start.DayOfWeek == first.DayOfWeek ? start : start.Next(first.DayOfWeek)).PlusWeeks(week);
    }
}
