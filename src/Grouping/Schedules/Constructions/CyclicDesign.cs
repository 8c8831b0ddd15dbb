namespace Microsolidarity.Grouping;

/// <summary>
/// Resolvable designs built the way Kirkman's schoolgirls are usually solved: people are the points of
/// Z_r x {classes} plus a few fixed points ("infinity"), and one base round (or two, or three) is turned r times
/// by adding 1 mod r. Turning keeps the differences between points, so if every difference inside the groups
/// of the base rounds is used at most once, no pair ever meets twice. Only the base rounds are searched (a
/// small exact search with restarts); the turning gives the rest. This finds Kirkman and nearly Kirkman
/// triple systems (15, 21, 30, 60 people) and many resolvable designs of fours and fives in milliseconds.
/// </summary>
public static class CyclicDesign
{
    /// <summary>Repeat-free rounds of groups of <paramref name="size"/>, at least <paramref name="rounds"/> of them, or null.</summary>
    public static int[][][]? Rounds(int people, int size, int rounds, long nodeBudget = 400_000, CancellationToken cancellation = default) =>
        FindBase(people, size, rounds, nodeBudget, cancellation)?.Develop();

    /// <summary>The base rounds, which is all a design needs to be stored (see <see cref="KnownCyclicBases"/>).</summary>
    public static CyclicBase? FindBase(int people, int size, int rounds, long nodeBudget = 400_000, CancellationToken cancellation = default)
    {
        if (size < 2 || people % size != 0 || rounds < 1)
        {
            return null;
        }
        var bound = (people - 1) / (size - 1);
        var blocks = people / size;
        var budgetLeft = nodeBudget;
        for (var total = rounds; total <= bound && budgetLeft > 0; total++)
        {
            for (var bases = 1; bases <= 3 && budgetLeft > 0; bases++)
            {
                if (total % bases != 0 || total / bases < 2)
                {
                    continue;
                }
                var r = total / bases;
                for (var fixedPoints = 0; fixedPoints <= blocks && budgetLeft > 0; fixedPoints++)
                {
                    if ((people - fixedPoints) % r != 0)
                    {
                        continue;
                    }
                    var classes = (people - fixedPoints) / r;
                    // A fixed point meets a whole class each turn, so its group mates must come from different
                    // classes, and over all base rounds it may meet each class only once.
                    if (fixedPoints > 0 && bases * (size - 1) > classes)
                    {
                        continue;
                    }
                    cancellation.ThrowIfCancellationRequested();
                    var search = new Search(r, classes, fixedPoints, bases, size);
                    var found = search.Run(Math.Min(budgetLeft, nodeBudget / 4 + 1), seed: total * 31 + fixedPoints);
                    budgetLeft -= search.Nodes;
                    if (found)
                    {
                        return search.Base();
                    }
                }
            }
        }
        return null;
    }

    private sealed class Search
    {
        private readonly int r, classes, fixedPoints, bases, size, blocks, real, offMixed, offFixed;
        private readonly bool[] used;
        private readonly int[][] members;
        private readonly bool[][] placed;
        private Random rng = new(1);
        private long limit;
        private bool aborted;

        public long Nodes { get; private set; }

        public Search(int r, int classes, int fixedPoints, int bases, int size)
        {
            (this.r, this.classes, this.fixedPoints, this.bases, this.size) = (r, classes, fixedPoints, bases, size);
            real = r * classes;
            blocks = (real + fixedPoints) / size;
            offMixed = classes * r;
            offFixed = offMixed + classes * classes * r;
            used = new bool[offFixed + fixedPoints * classes];
            members = new int[bases * blocks][];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = new int[size];
            }
            placed = Enumerable.Range(0, bases).Select(_ => new bool[real]).ToArray();
        }

        /// <summary>Restarts with growing limits: a wrong early choice in an exact search can cost forever.</summary>
        public bool Run(long budget, int seed)
        {
            var attempt = 0;
            var each = 2_000L;
            while (Nodes < budget)
            {
                Array.Clear(used);
                foreach (var p in placed)
                {
                    Array.Clear(p);
                }
                for (var c = 0; c < bases; c++)
                {
                    for (var b = 0; b < fixedPoints; b++)
                    {
                        members[c * blocks + b][0] = real + b;
                    }
                }
                rng = new Random(seed * 7919 + attempt++);
                limit = Nodes + Math.Min(each, budget - Nodes);
                aborted = false;
                if (Place(0, 0, fixedPoints > 0 ? 1 : 0))
                {
                    return true;
                }
                if (!aborted)
                {
                    return false; // searched everything: no such base round exists
                }
                each = each * 3 / 2;
            }
            return false;
        }

        private bool Place(int c, int b, int slot)
        {
            if (slot == size)
            {
                slot = 0;
                if (++b == blocks)
                {
                    b = 0;
                    if (++c == bases)
                    {
                        return true;
                    }
                }
                if (b < fixedPoints)
                {
                    slot = 1;
                }
            }
            if (++Nodes > limit)
            {
                aborted = true;
                return false;
            }
            var block = c * blocks + b;
            var first = slot == 0 || (slot == 1 && b < fixedPoints);
            var seen = placed[c];
            if (slot == 0)
            {
                // Groups without a fixed point are interchangeable: the smallest free point opens the next one.
                var p = Array.IndexOf(seen, false);
                return p >= 0 && TryWith(c, b, slot, block, p);
            }
            var from = first ? 0 : members[block][slot - 1] + 1;
            var span = real - from;
            if (span <= 0)
            {
                return false;
            }
            var start = rng.Next(span);
            for (var i = 0; i < span; i++)
            {
                var p = from + (start + i) % span;
                if (!seen[p] && TryWith(c, b, slot, block, p))
                {
                    return true;
                }
                if (aborted)
                {
                    return false;
                }
            }
            return false;
        }

        private bool TryWith(int c, int b, int slot, int block, int p)
        {
            Span<int> marks = stackalloc int[size];
            var marked = 0;
            var group = members[block];
            for (var i = 0; i < slot; i++)
            {
                var key = Key(p, group[i]);
                if (key < 0 || used[key])
                {
                    for (var j = 0; j < marked; j++)
                    {
                        used[marks[j]] = false;
                    }
                    return false;
                }
                used[key] = true;
                marks[marked++] = key;
            }
            group[slot] = p;
            placed[c][p] = true;
            if (Place(c, b, slot + 1))
            {
                return true;
            }
            placed[c][p] = false;
            for (var j = 0; j < marked; j++)
            {
                used[marks[j]] = false;
            }
            return false;
        }

        /// <summary>What a pair "uses up" when turned r times: a difference within a class, between two classes, or a fixed point's class.</summary>
        private int Key(int p, int q)
        {
            if (p >= real)
            {
                (p, q) = (q, p);
            }
            var a = p / r;
            var x = p % r;
            if (q >= real)
            {
                return offFixed + (q - real) * classes + a;
            }
            var b = q / r;
            var y = q % r;
            if (a == b)
            {
                var d = ((x - y) % r + r) % r;
                if (2 * d == r)
                {
                    return -1; // {x, x + r/2} comes back after r/2 turns: a repeat
                }
                return a * r + Math.Min(d, r - d);
            }
            if (a > b)
            {
                (a, x, b, y) = (b, y, a, x);
            }
            return offMixed + (a * classes + b) * r + ((y - x) % r + r) % r;
        }

        public CyclicBase Base() => new(r, classes, fixedPoints,
            Enumerable.Range(0, bases).Select(c => Enumerable.Range(0, blocks).Select(b => members[c * blocks + b].ToArray()).ToArray()).ToArray());
    }
}

/// <summary>
/// Base rounds on Z_r x {classes} plus fixed points: point (class a, x) is numbered a*r + x, fixed point i is
/// r*classes + i. Turning a base round t times adds t mod r to every point that is not fixed.
/// </summary>
public sealed record CyclicBase(int R, int Classes, int FixedPoints, int[][][] BaseRounds)
{
    public int[][][] Develop()
    {
        var real = R * Classes;
        var rounds = new List<int[][]>();
        foreach (var baseRound in BaseRounds)
        {
            for (var t = 0; t < R; t++)
            {
                rounds.Add(baseRound
                    .Select(g => g.Select(p => p >= real ? p : p / R * R + (p % R + t) % R).Order().ToArray())
                    .ToArray());
            }
        }
        return [.. rounds];
    }
}
