using System.Globalization;
using System.Text;

namespace Microsolidarity.Hub.Platform;

/// <summary>
/// Text as people type it when they search: the directory's search, city names, and anything else that
/// should find "Lüneburg" from "luneburg".
/// </summary>
public static class TextFolding
{
    /// <summary>Lower case without accents; letters that do not decompose (ł, ø, ß, æ) are spelled the way people type them without the key.</summary>
    public static string Fold(string text)
    {
        // Normalising throws on code points that are not characters (U+FFFE, a lone surrogate): a
        // search box gets whatever is typed or pasted, so those are dropped first.
        if (!IsNormalizable(text))
        {
            text = string.Concat(text.EnumerateRunes().Where(r => r != Rune.ReplacementChar && !IsNoncharacter(r)).Select(r => r.ToString()));
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(ch);
            folded.Append(lower switch
            {
                'ł' => "l",
                'ø' => "o",
                'đ' => "d",
                'ħ' => "h",
                'ı' => "i",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'þ' => "th",
                _ => lower.ToString(),
            });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsNormalizable(string text)
    {
        foreach (var r in text.EnumerateRunes())
        {
            if (r == Rune.ReplacementChar || IsNoncharacter(r))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane: never characters.</summary>
    private static bool IsNoncharacter(Rune r) => r.Value is >= 0xFDD0 and <= 0xFDEF || (r.Value & 0xFFFE) == 0xFFFE;
}
