using System.Text.RegularExpressions;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The language the handbook is written in (<c>Handbook:Language</c>), which is not always the reader's: the hub frames its
/// pages in the reader's language, so each element holding the handbook's own words (a page's text, its title, the
/// titles in the navigation and the search's hits) says which language they are, for a screen reader's voice,
/// hyphenation, spelling and translation tools; and the EPUB and the printable book declare it.
/// </summary>
public static partial class HandbookLanguage
{
    /// <summary>The lang of handbook content inside a page or book in <paramref name="frame"/>: null (no attribute) when they are the same.</summary>
    public static string? Within(string content, string frame) => string.Equals(content, frame, StringComparison.OrdinalIgnoreCase) ? null : content;

    /// <summary>The same, inside this request's page.</summary>
    public static string? OnPage(HandbookOptions options) => Within(options.Language, Languages.PageTag);

    /// <summary>A language tag as BCP 47 writes one (a language of two or three letters, then subtags): what lang accepts.</summary>
    public static bool IsTag(string? value) => value is { Length: <= 35 } && Tag().IsMatch(value);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex Tag();
}
