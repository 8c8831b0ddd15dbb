using System.Text;
using System.Text.RegularExpressions;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// The pseudo-locale's text, made from English at run time: every letter accented, about 40% longer (the room
/// German and French need), and wrapped in ⟦ ⟧ so that a test can tell localised chrome from a string that
/// never went through a localizer. Placeholders ({0}, {name}) and HTML-free text stay as they are.
/// </summary>
public static partial class PseudoText
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    private static readonly Dictionary<char, char> Accents = new()
    {
        ['a'] = 'á',
        ['e'] = 'é',
        ['i'] = 'í',
        ['o'] = 'ö',
        ['u'] = 'ü',
        ['c'] = 'ç',
        ['n'] = 'ñ',
        ['y'] = 'ý',
        ['s'] = 'š',
        ['z'] = 'ž',
        ['A'] = 'Å',
        ['E'] = 'É',
        ['I'] = 'Î',
        ['O'] = 'Ö',
        ['U'] = 'Û',
        ['C'] = 'Ç',
        ['N'] = 'Ñ',
        ['Y'] = 'Ý',
        ['S'] = 'Š',
        ['Z'] = 'Ž',
    };

    public static string From(string english)
    {
        var text = new StringBuilder(english.Length * 3 / 2 + 4).Append(Open);
        var lastEnd = 0;
        foreach (Match placeholder in Placeholder().Matches(english))
        {
            Accent(text, english.AsSpan(lastEnd, placeholder.Index - lastEnd));
            text.Append(placeholder.Value);
            lastEnd = placeholder.Index + placeholder.Length;
        }
        Accent(text, english.AsSpan(lastEnd));
        // About 40% longer, in whole words so the line breaks as a real translation would.
        var letters = english.Count(char.IsLetter);
        var padding = (int)Math.Ceiling(letters * 0.4);
        if (padding > 0)
        {
            text.Append(' ').Append(string.Concat(Enumerable.Repeat("ĺöñĝ ", padding / 5 + 1))[..Math.Max(1, padding)].TrimEnd());
        }
        return text.Append(Close).ToString();
    }

    private static void Accent(StringBuilder text, ReadOnlySpan<char> plain)
    {
        foreach (var c in plain)
        {
            text.Append(Accents.TryGetValue(c, out var accented) ? accented : c);
        }
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    public static partial Regex Placeholder();
}
