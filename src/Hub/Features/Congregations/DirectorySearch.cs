using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// The directory's one search box: every word typed must be found in a congregation's name,
/// purpose, place or languages, ignoring case and accents ("lisbóa" finds "Lisboa", "krakow" finds
/// "Kraków") and forgiving a slip of the keyboard: one wrong, missing, extra or swapped letter in a
/// word of four letters or more, two in a word of eight or more ("Riversde" finds "Riverside").
/// Shorter words must appear as typed (a substring), since one letter off in "en" matches everything.
/// The directory is small (hundreds of congregations), so this runs in memory over a cached index
/// and needs no full-text engine, and it behaves the same on SQLite and PostgreSQL.
/// </summary>
public static class DirectorySearch
{
    /// <summary>A congregation's searchable text, folded once when the index is built.</summary>
    public sealed record Entry(string Name, string Text, IReadOnlyList<string> Words)
    {
        public static Entry For(string name, string purpose, string place, string languages)
        {
            var foldedName = TextFolding.Fold(name);
            var text = string.Join(' ', foldedName, TextFolding.Fold(place), TextFolding.Fold(languages), TextFolding.Fold(purpose));
            return new(foldedName, text, [.. WordsOf(text).Distinct()]);
        }
    }

    /// <summary>
    /// How far <paramref name="entry"/> is from the query: null when some word matches nothing;
    /// otherwise lower is better (a word found as typed in the name costs nothing, elsewhere 1, a
    /// word found with slips 2 per slip), so exact matches come first.
    /// </summary>
    public static int? Cost(IReadOnlyList<string> queryWords, Entry entry)
    {
        var total = 0;
        foreach (var word in queryWords)
        {
            if (entry.Name.Contains(word, StringComparison.Ordinal))
            {
                continue;
            }
            if (entry.Text.Contains(word, StringComparison.Ordinal))
            {
                total += 1;
                continue;
            }
            var allowed = SlipsAllowed(word.Length);
            var best = int.MaxValue;
            foreach (var candidate in entry.Words)
            {
                if (Math.Abs(candidate.Length - word.Length) <= allowed)
                {
                    best = Math.Min(best, Distance(word, candidate, allowed));
                }
                // Someone still typing: "riversi" with a slip is the start of "riverside".
                if (candidate.Length > word.Length + allowed)
                {
                    best = Math.Min(best, Distance(word, candidate.AsSpan(0, word.Length), allowed));
                }
            }
            if (best > allowed)
            {
                return null;
            }
            total += 2 * best;
        }
        return total;
    }

    public static IReadOnlyList<string> QueryWords(string? query) => query is null ? [] : [.. WordsOf(TextFolding.Fold(query)).Distinct()];

    public static int SlipsAllowed(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    private static IEnumerable<string> WordsOf(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>
    /// Edit distance counting a swap of two neighbouring letters as one slip (optimal string
    /// alignment); stops early, returning <paramref name="limit"/> + 1, once every path is past it.
    /// </summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        if (b.Length > 64)
        {
            return limit + 1; // no word is that long; a pasted blob is simply not a slip away from anything
        }
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }
            if (rowBest > limit)
            {
                return limit + 1;
            }
            var reused = previous2;
            previous2 = previous;
            previous = current;
            current = reused;
        }
        return Math.Min(previous[b.Length], limit + 1);
    }
}
