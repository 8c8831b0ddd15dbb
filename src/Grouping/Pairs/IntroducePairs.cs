namespace Microsolidarity.Grouping;

/// <summary>
/// One round of introductions among the people taking part: who has met whom before, and how many free hours
/// two people share (more is better). Everyone is in a pair, or in a trio when their number is odd.
/// </summary>
public sealed record IntroductionRequest(int People)
{
    /// <summary>Earlier introductions, one entry per meeting (a trio gives three pairs).</summary>
    public IReadOnlyCollection<Pair> History { get; init; } = [];

    /// <summary>Free hours two people share in a week; null when nobody's hours are known.</summary>
    public Func<int, int, int>? SharedHours { get; init; }
}

/// <summary>The groups of the round (pairs, and one trio for an odd number), and how many of their pairs met before.</summary>
public sealed record IntroductionGroups(int[][] Groups, int Repeats);

/// <summary>
/// Makes one round of introductions with the pair rotation (<see cref="RotatePairs"/>, a trio for an odd
/// number): the fewest pairs who met before, then swaps between pairs that add shared hours without adding a
/// repeat. So a pair repeats only when the search found no grouping of these people without one.
/// </summary>
public static class IntroducePairs
{
    public static IntroductionGroups Run(IntroductionRequest request, SearchOptions? options = null, CancellationToken cancellation = default)
    {
        var n = request.People;
        if (n < 2)
        {
            return new([], 0);
        }
        var met = new int[n, n];
        foreach (var p in request.History.Where(p => p.B < n))
        {
            met[p.A, p.B]++;
            met[p.B, p.A]++;
        }
        var hours = new int[n, n];
        if (request.SharedHours is { } shared)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    hours[a, b] = hours[b, a] = shared(a, b);
                }
            }
        }
        var rotation = RotatePairs.Run(new PairRotationRequest(n, 1) { History = request.History, OddMakesTrio = true }, options, cancellation);
        var pairs = rotation.Rounds[0].Where(g => g.Length == 2).Select(g => g.ToArray()).ToList();
        ImproveHours(pairs, met, hours);
        var groups = pairs.Concat(rotation.Rounds[0].Where(g => g.Length != 2)).ToList();
        var result = groups.Select(g => g.Order().ToArray()).OrderBy(g => g[0]).ToArray();
        var repeats = result.Sum(g => PairsOf(g).Count(p => met[p.A, p.B] > 0));
        return new(result, repeats);
    }

    /// <summary>Every pair inside a group (one for a pair, three for a trio).</summary>
    public static IEnumerable<Pair> PairsOf(IReadOnlyList<int> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                yield return new Pair(group[i], group[j]);
            }
        }
    }

    /// <summary>
    /// Two pairs (a, b) and (c, d) may become (a, c) and (b, d), or (a, d) and (b, c): taken when it adds no
    /// repeat and more shared hours, until no swap helps. Each swap raises the total, so it ends.
    /// </summary>
    private static void ImproveHours(List<int[]> pairs, int[,] met, int[,] hours)
    {
        static int Repeat(int[,] met, int a, int b) => met[a, b] > 0 ? 1 : 0;
        var improved = true;
        for (var pass = 0; improved && pass < 100; pass++)
        {
            improved = false;
            for (var i = 0; i < pairs.Count; i++)
            {
                for (var j = i + 1; j < pairs.Count; j++)
                {
                    var (a, b) = (pairs[i][0], pairs[i][1]);
                    var (c, d) = (pairs[j][0], pairs[j][1]);
                    var repeats = Repeat(met, a, b) + Repeat(met, c, d);
                    var now = hours[a, b] + hours[c, d];
                    if (Repeat(met, a, c) + Repeat(met, b, d) <= repeats && hours[a, c] + hours[b, d] > now)
                    {
                        (pairs[i], pairs[j]) = ([a, c], [b, d]);
                        improved = true;
                    }
                    else if (Repeat(met, a, d) + Repeat(met, b, c) <= repeats && hours[a, d] + hours[b, c] > now)
                    {
                        (pairs[i], pairs[j]) = ([a, d], [b, c]);
                        improved = true;
                    }
                }
            }
        }
    }
}
