namespace Microsolidarity.Hub.Platform.Web;

/// <summary>How long something lasts, in the words a person would use: "60 min", "2 h 30 min", "2 days".</summary>
public static class Durations
{
    public static string Label(DateTime startsAtUtc, DateTime endsAtUtc) => Label(endsAtUtc - startsAtUtc);

    public static string Label(TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            return "";
        }
        // Past about a day, people count days (a weekend is "2 days" whatever its hours).
        if (length >= TimeSpan.FromHours(20))
        {
            var days = (int)Math.Ceiling(length.TotalDays - 0.2);
            return days <= 1 ? "1 day" : $"{days} days";
        }
        var minutes = (int)Math.Round(length.TotalMinutes);
        return minutes <= 90 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
    }

    /// <summary>A date that spans days: the scale to show it at ("multi-day"), or a short one ("short").</summary>
    public static bool IsMultiDay(DateTime startsAtUtc, DateTime endsAtUtc) => endsAtUtc - startsAtUtc >= TimeSpan.FromHours(20);
}
