namespace Microsolidarity.Grouping;

/// <summary>
/// Resolvable designs that cover every pair exactly once, 1-rotational style: people are Z_v plus one fixed
/// point, v = n - 1. One base round is invariant under adding R (the rounds wanted), so turning it by
/// 0..R-1 gives R different rounds. The fixed point's group is {fixed, 0, R, 2R, ...}; the other groups come in
/// threes (or however many multiples of R there are) from a few base groups whose differences cover every
/// non-multiple of R exactly once, which is what makes every pair meet exactly once. This is how 40 people in
/// fours get their 13 rounds, where the plain cyclic family has no solution.
/// </summary>
public static class OneRotationalDesign
{
    /// <summary>Base groups found once with a bigger budget (40 in fours takes the search about 40 ms).</summary>
    private static readonly Dictionary<(int People, int Size), int[][]> Known = new()
    {
        [(40, 4)] = [[1, 5, 8, 25], [2, 3, 11, 36], [4, 6, 22, 33]],
    };

    public static int[][][]? Rounds(int people, int size, int rounds, long nodeBudget = 300_000) =>
        FindBaseGroups(people, size, rounds, nodeBudget) is { } blocks ? Develop(people, size, rounds, blocks) : null;

    public static int[][]? FindBaseGroups(int people, int size, int rounds, long nodeBudget = 300_000)
    {
        if (Known.TryGetValue((people, size), out var known) && (people - 1) / rounds == size - 1)
        {
            return known;
        }
        var v = people - 1;
        if (size < 3 || people % size != 0 || rounds < 1 || v % rounds != 0)
        {
            return null;
        }
        var h = v / rounds; // the subgroup {0, R, 2R, ...} has h elements
        var others = (people - size) / size;
        if (h != size - 1 || others % h != 0 || (v - h) != others / h * size * (size - 1))
        {
            return null; // the counting of differences does not work out: not a design of this kind
        }
        var search = new Search(v, rounds, h, size, others / h, nodeBudget);
        return search.Run() ? search.Blocks : null;
    }

    public static int[][][] Develop(int people, int size, int rounds, int[][] blocks)
    {
        var v = people - 1;
        var h = size - 1;
        var fixedPoint = v;
        var baseRound = new List<int[]> { Enumerable.Range(0, h).Select(k => k * rounds).Prepend(fixedPoint).ToArray() };
        foreach (var block in blocks)
        {
            for (var k = 0; k < h; k++)
            {
                baseRound.Add(block.Select(x => (x + k * rounds) % v).ToArray());
            }
        }
        return Enumerable.Range(0, rounds)
            .Select(t => baseRound.Select(g => g.Select(x => x == fixedPoint ? x : (x + t) % v).Order().ToArray()).ToArray())
            .ToArray();
    }

    private sealed class Search(int v, int r, int h, int size, int bases, long budget)
    {
        private readonly bool[] covered = new bool[v];
        private readonly bool[] difference = new bool[v];
        private readonly int[][] blocks = Enumerable.Range(0, bases).Select(_ => new int[size]).ToArray();
        private long nodes;

        public bool Run()
        {
            for (var k = 0; k < h; k++)
            {
                covered[k * r] = true; // the fixed point's group
            }
            for (var k = 1; k < h; k++)
            {
                difference[k * r] = true; // differences within that group are used by it
            }
            return Place(0, 0);
        }

        private bool Place(int b, int slot)
        {
            if (slot == size)
            {
                (b, slot) = (b + 1, 0);
                if (b == bases)
                {
                    return true;
                }
            }
            if (++nodes > budget)
            {
                return false;
            }
            var block = blocks[b];
            var from = slot == 0 ? Array.IndexOf(covered, false) : block[slot - 1] + 1;
            var to = slot == 0 ? from + 1 : v;
            for (var x = from; x < to && x >= 0; x++)
            {
                if (covered[x] || !Fresh(block, slot, x))
                {
                    continue;
                }
                Mark(block, slot, x, true);
                block[slot] = x;
                if (Place(b, slot + 1))
                {
                    return true;
                }
                Mark(block, slot, x, false);
            }
            return false;
        }

        private bool Fresh(int[] block, int slot, int x)
        {
            Span<int> seen = stackalloc int[2 * slot];
            for (var i = 0; i < slot; i++)
            {
                var d = ((x - block[i]) % v + v) % v;
                if (difference[d] || difference[v - d] || d % r == 0)
                {
                    return false;
                }
                seen[2 * i] = d;
                seen[2 * i + 1] = v - d;
            }
            // Two new differences may not collide with each other either.
            for (var i = 0; i < seen.Length; i++)
            {
                for (var j = i + 1; j < seen.Length; j++)
                {
                    if (seen[i] == seen[j])
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        private void Mark(int[] block, int slot, int x, bool on)
        {
            for (var i = 0; i < slot; i++)
            {
                var d = ((x - block[i]) % v + v) % v;
                difference[d] = difference[v - d] = on;
            }
            for (var k = 0; k < h; k++)
            {
                covered[(x + k * r) % v] = on;
            }
        }

        public int[][] Blocks => blocks;
    }
}
