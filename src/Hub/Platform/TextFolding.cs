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
}
