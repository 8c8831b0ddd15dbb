using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>How long something lasts, in the words a person would use: "60 min", "2 h 30 min", "2 days", in the page's language.</summary>
public static class Durations
{
    public static string Label(IStringLocalizer words, DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var length = endsAtUtc - startsAtUtc;
        if (length <= TimeSpan.Zero)
        {
            return "";
        }
        // Past about a day, people count days (a weekend is "2 days" whatever its hours).
        if (IsMultiDay(startsAtUtc, endsAtUtc))
        {
            return words.Plural("Duration.Days", Math.Max(1, (int)Math.Ceiling(length.TotalDays - 0.2)));
        }
        var minutes = (int)Math.Round(length.TotalMinutes);
        return minutes <= 90 ? words["Duration.Minutes", minutes]
            : minutes % 60 == 0 ? words["Duration.Hours", minutes / 60]
            : words["Duration.HoursMinutes", minutes / 60, minutes % 60];
    }

    /// <summary>A date that spans days: the scale to show it at ("multi-day"), or a short one ("short").</summary>
    public static bool IsMultiDay(DateTime startsAtUtc, DateTime endsAtUtc) => endsAtUtc - startsAtUtc >= TimeSpan.FromHours(20);
}
