namespace Microsolidarity.Grouping;

/// <summary>
/// The meeting count of every pair, starting from what is already known: earlier meetings count once each,
/// a pair to keep apart starts so high that no search will want them together.
/// </summary>
internal static class PairCosts
{
    public const int KeepApartWeight = 1_000_000;

    /// <summary>What one repeat costs, against 1 for each meeting beyond the second: repeats first, then spread.</summary>
    public const long RepeatWeight = 1_000;

    public static int[] Starting(ScheduleRequest request)
    {
        var n = request.People;
        var meet = new int[n * n];
        foreach (var p in request.History.Where(p => p.B < n))
        {
            meet[p.A * n + p.B]++;
            meet[p.B * n + p.A]++;
        }
        foreach (var p in request.KeepApart.Where(p => p.B < n))
        {
            meet[p.A * n + p.B] += KeepApartWeight;
            meet[p.B * n + p.A] += KeepApartWeight;
        }
        return meet;
    }

    /// <summary>
    /// Lexicographic in one number: each repeat costs <see cref="RepeatWeight"/>, and a pair's third, fourth...
    /// meeting costs 1, 2... more, so among schedules with the fewest repeats the search prefers those where
    /// repeats are spread (two pairs meeting twice rather than one pair meeting three times).
    /// </summary>
    public static long Of(int count) => count <= 1 ? 0 : RepeatWeight * (count - 1) + (long)(count - 1) * (count - 2) / 2;

    /// <summary>Of(count + 1) - Of(count): what one more meeting of a pair that met count times costs.</summary>
    public static long Step(int count) => count <= 0 ? 0 : RepeatWeight + count - 1;
}
