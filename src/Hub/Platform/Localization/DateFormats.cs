using System.Globalization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// Dates and times in the reader's language. Pages write patterns in English order ("d MMMM yyyy, HH:mm",
/// "ddd d MMM"); this turns each into the language's own ("3. März 2027", "3 de março de 2027") and formats with
/// the language's month and day names. Times are on the 24-hour clock in every shipped language.
/// </summary>
public static class DateFormats
{
    /// <summary>The page's language's culture, for names of months and days (the formatting culture stays invariant).</summary>
    public static CultureInfo Culture => CultureInfo.CurrentUICulture.Name switch
    {
        "" => CultureInfo.GetCultureInfo(Languages.English),
        Languages.Pseudo => PseudoNames,
        _ => CultureInfo.CurrentUICulture,
    };

    /// <summary>
    /// English with every month and day name in the pseudo-locale's marks ("3 ⟦Màrçh⟧ 2027"), so that a date formatted
    /// here reads as localised in a pseudo-locale test and a date formatted elsewhere (in English, whatever the reader's
    /// language) still shows as a leak.
    /// </summary>
    private static readonly CultureInfo PseudoNames = MarkNames();

    private static CultureInfo MarkNames()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(Languages.English).Clone();
        var names = culture.DateTimeFormat;
        static string[] Marked(string[] words) => [.. words.Select(w => w.Length == 0 ? w : PseudoText.From(w))];
        names.DayNames = Marked(names.DayNames);
        names.AbbreviatedDayNames = Marked(names.AbbreviatedDayNames);
        names.ShortestDayNames = Marked(names.ShortestDayNames);
        names.MonthNames = Marked(names.MonthNames);
        names.AbbreviatedMonthNames = Marked(names.AbbreviatedMonthNames);
        names.MonthGenitiveNames = Marked(names.MonthGenitiveNames);
        names.AbbreviatedMonthGenitiveNames = Marked(names.AbbreviatedMonthGenitiveNames);
        return CultureInfo.ReadOnly(culture);
    }

    public static string Format(DateTime value, string pattern)
    {
        var culture = Culture;
        return value.ToString(PatternFor(pattern, culture), culture);
    }

    /// <summary>An English-order pattern in the given language's order.</summary>
    public static string PatternFor(string pattern, CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        // German puts a full stop after the day's number, and a comma after a weekday: "Mi., 3. März".
        "de" => pattern.Replace("dddd d ", "dddd, d. ").Replace("ddd d ", "ddd, d. ").Replace("d MMM", "d. MMM"),
        // Spanish and Portuguese join day, month and year with "de" when the month is written out.
        "es" or "pt" => pattern.Replace("d MMMM yyyy", "d 'de' MMMM 'de' yyyy").Replace("d MMMM", "d 'de' MMMM"),
        _ => pattern,
    };
}
