using System.Globalization;
using System.Text;

namespace Microsolidarity.Hub.Platform;

/// <summary>
/// The one way the hub makes a web address from a name (congregations, podcast episodes): letters
/// without their accents, digits, and hyphens between words, so "Lüneburg" is "luneburg" everywhere.
/// Handbook heading anchors are not slugs of this kind: they follow the imported book's own links.
/// </summary>
public static class Slugs
{
    /// <summary>"Lüneburg Commons!" → "luneburg-commons": readable, ASCII, stable; empty when the text has no letter or digit.</summary>
    public static string From(string name, int maxLength = 60)
    {
        // Normalising throws on code points that are not characters (U+FFFE, a lone surrogate), so
        // only letters, digits and marks go in; everything else separates words anyway.
        var kept = new StringBuilder();
        foreach (var rune in name.Trim().ToLowerInvariant().EnumerateRunes())
        {
            kept.Append(Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                ? rune.ToString() : " ");
        }
        var decomposed = kept.ToString().Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length > maxLength ? result[..maxLength].TrimEnd('-') : result;
    }
}
