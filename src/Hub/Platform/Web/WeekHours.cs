using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// A week of hours as every page draws it: 168 hours, Monday 00:00 first (index = day × 24 + hour, what forms post and
/// rows store), all 24 hours of each day, in one zone; drawn with the days in the reader's week's order (<see cref="Columns"/>). The profile, finding a time and a formation round tick them with
/// one partial (_WeekGrid); the overlap is drawn with another (_WeekHeat), so the three look and work alike.
/// </summary>
public static class WeekHours
{
    /// <summary>Monday to Sunday in the reader's language (the culture's own week starts on Sunday).</summary>
    public static IReadOnlyList<string> DayNames => Week(DateFormats.Culture.DateTimeFormat.DayNames);

    /// <summary>
    /// The days as the reader's culture lays out a week, as day numbers of the grid (Monday 0 to Sunday 6): Sunday first in
    /// English (the hub's "en" is CLDR's, whose week is the United States') and in European Portuguese, Monday first in
    /// Spanish, German and French. Only the columns move; each box keeps its hour of the week, so what a form saves does
    /// not depend on the order it was shown in.
    /// </summary>
    public static IReadOnlyList<int> Columns => ColumnsFrom(DateFormats.Culture.DateTimeFormat.FirstDayOfWeek);

    public static int[] ColumnsFrom(DayOfWeek first) => [.. Enumerable.Range(0, 7).Select(i => ((int)first + 6 + i) % 7)];

    /// <summary>The seven days in the reader's week's order, for a list of days to choose from.</summary>
    public static IReadOnlyList<DayOfWeek> Days => [.. Columns.Select(DayOf)];

    /// <summary>The day a grid day number (Monday 0) stands for.</summary>
    public static DayOfWeek DayOf(int day) => (DayOfWeek)((day + 1) % 7);

    /// <summary>"Mon" to "Sun", the culture's own abbreviations (a name cut at three letters is wrong in many languages).</summary>
    public static IReadOnlyList<string> ShortDayNames => Week(DateFormats.Culture.DateTimeFormat.AbbreviatedDayNames);

    private static string[] Week(string[] sundayFirst) => [.. sundayFirst[1..], sundayFirst[0]];

    public static string HourLabel(int hour) => $"{hour:00}:00";

    /// <summary>"Tuesday 19:00": each box's accessible name, which tests and screen readers both use.</summary>
    public static string CellLabel(int index) => $"{DayNames[index / 24]} {HourLabel(index % 24)}";
}

/// <summary>
/// The week grid to tick. Without JavaScript it is 168 plain checkboxes named <see cref="FieldName"/> whose
/// values are the hour indexes, which is what the pages bind; week-grid.js only adds painting by drag and keys.
/// </summary>
/// <param name="Hours">168 characters, '1' for a ticked hour.</param>
/// <param name="Id">Unique on the page; the hint and the table's caption hang off it.</param>
/// <param name="Caption">What the grid asks, read out as the table's name.</param>
public sealed record WeekGrid(string Hours, string Id, string Caption, string FieldName = "Free")
{
    public bool IsFree(int index) => index < Hours.Length && Hours[index] == '1';

    public static string FromIndexes(IEnumerable<int> indexes)
    {
        var hours = new char[168];
        Array.Fill(hours, '0');
        foreach (var index in indexes.Where(i => i is >= 0 and < 168))
        {
            hours[index] = '1';
        }
        return new string(hours);
    }
}

/// <summary>
/// The overlap of several people's hours as a heat map: each cell says how many of <see cref="Of"/> are free
/// (the number is always written, the shade only repeats it), and hours when everyone is free stand out.
/// </summary>
public sealed record WeekHeat(IReadOnlyList<int> Counts, int Of, string Id, string Caption)
{
    /// <summary>The most shades between none and everyone; with more people, neighbouring counts share one.</summary>
    private const int MiddleShades = 3;

    /// <summary>0 for nobody, 4 for everyone, 1–3 spread over the counts between.</summary>
    public int Shade(int count) =>
        count <= 0 || Of <= 0 ? 0
        : count >= Of ? MiddleShades + 1
        : Math.Min(MiddleShades, 1 + (count - 1) * MiddleShades / Math.Max(1, Of - 1));

    /// <summary>Whether the map knows only the hours everyone is free (a count of -1 is "not everyone").</summary>
    public bool EveryoneOnly => Counts.Any(c => c < 0);

    /// <summary>
    /// A map of the hours when all <paramref name="of"/> are free and nothing else: where a formation round has
    /// promised that nobody's own hours show, a count per hour would say too much.
    /// </summary>
    public static WeekHeat Everyone(IEnumerable<int> hours, int of, string id, string caption)
    {
        var counts = Enumerable.Repeat(-1, 168).ToArray();
        foreach (var hour in hours.Where(h => h is >= 0 and < 168))
        {
            counts[hour] = of;
        }
        return new WeekHeat(counts, of, id, caption);
    }

    /// <summary>The legend: each shade in use and the counts it stands for, e.g. (2, "2–3 free").</summary>
    public IReadOnlyList<(int Shade, string Label)> Legend(IStringLocalizer strings) => EveryoneOnly
        ? [(0, strings["Shared.Week.NotAllFree"]), (MiddleShades + 1, strings["Shared.Week.AllFree", Of])]
        : [.. Enumerable.Range(0, Math.Max(0, Of) + 1).GroupBy(Shade).Select(g =>
        {
            var (low, high) = (g.Min(), g.Max());
            var label = g.Key == MiddleShades + 1 ? (Of == 1 ? strings.Plural("Shared.Week.Free", 1) : strings["Shared.Week.AllFree", Of])
                : low == high ? strings.Plural("Shared.Week.Free", low) : strings["Shared.Week.FreeRange", low, high];
            return (g.Key, label.Value);
        })];
}
