using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Gatherings' words that are built from numbers: an event's length in the reader's language.</summary>
public static class GatheringWords
{
    /// <summary>As <see cref="Platform.Web.Durations.Label(DateTime, DateTime)"/>, in words of the page's language.</summary>
    public static string Length(IStringLocalizer words, DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var length = endsAtUtc - startsAtUtc;
        if (length <= TimeSpan.Zero)
        {
            return "";
        }
        // Past about a day, people count days (a weekend is "2 days" whatever its hours).
        if (length >= TimeSpan.FromHours(20))
        {
            return words.Plural("Gatherings.Length.Days", Math.Max(1, (int)Math.Ceiling(length.TotalDays - 0.2)));
        }
        var minutes = (int)Math.Round(length.TotalMinutes);
        return minutes <= 90 ? words["Gatherings.Length.Minutes", minutes]
            : minutes % 60 == 0 ? words["Gatherings.Length.Hours", minutes / 60]
            : words["Gatherings.Length.HoursMinutes", minutes / 60, minutes % 60];
    }
}
