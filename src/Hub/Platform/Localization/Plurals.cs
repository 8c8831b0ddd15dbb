using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>The CLDR cardinal categories the shipped languages use for whole numbers.</summary>
public enum PluralCategory
{
    One,
    Other,
}

/// <summary>
/// Counts in words, by each language's CLDR cardinal rules, over plain resource keys: a counted phrase is two
/// keys, <c>Key.one</c> and <c>Key.other</c>, each with <c>{0}</c> for the number ("{0} member" / "{0} members").
/// The rules for whole numbers: French says "one" for 0 and 1 ("0 membre"), European Portuguese and
/// English, Spanish, German for 1 alone. (CLDR's "many" for millions in Spanish, French and Portuguese
/// falls back to "other", which reads correctly for counts a community hub shows.)
/// </summary>
public static class Plurals
{
    public static PluralCategory CategoryOf(long count, CultureInfo culture)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            // CLDR fr: one → i = 0,1. Brazilian Portuguese follows the same rule; pt-PT does not.
            "fr" => n <= 1 ? PluralCategory.One : PluralCategory.Other,
            "pt" when culture.Name != "pt-PT" => n <= 1 ? PluralCategory.One : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>"Key.one" or "Key.other", formatted with the count in the page's language.</summary>
    public static LocalizedString Plural(this IStringLocalizer strings, string key, long count, params object[] more)
    {
        var culture = CultureInfo.CurrentUICulture;
        var suffix = CategoryOf(count, culture) == PluralCategory.One ? "one" : "other";
        return strings[$"{key}.{suffix}", [count.ToString("N0", culture), .. more]];
    }
}
