namespace Microsolidarity.Grouping;

/// <summary>
/// A resolvable design turned two ways at once, plus one round of cosets. People are Z_m x Z_c: person
/// (x, class k) is numbered k*m + x. A few base groups hold one person per value of x (together they use every x
/// once); turning the classes (k + s for s in Z_c) makes one full round out of them, and adding t to every x
/// (t in Z_m) makes m rounds. The last round splits each class into the cosets of the subgroup of Z_m of order
/// size (the multiples of m/size), so it pairs only people of one class whose x differ by such a multiple, a
/// difference the base groups never use.
/// If every pair of the base groups has its own "difference" ((k2 - k1, x2 - x1) up to sign), and no pair within a
/// class differs by a multiple of m/size or by m/2 (which would come back after m/2 turns), no pair meets twice.
/// <para>
/// 100 people in groups of five get 21 rounds this way (m = 20, five classes), the best known for 20-5. The
/// corpus credits Miller, Valkov and Abel (2026) for 21; this construction of the same size is ours and not
/// necessarily theirs. The four base groups were found once by a SAT search over exactly these conditions and
/// are stored; the tests develop them and let the independent schedule checker count every pair.
/// </para>
/// </summary>
public static class TwoWayCyclicDesign
{
    private sealed record Design(int M, int Classes, int Size, (int X, int Class)[][] BaseGroups);

    private static readonly Dictionary<(int People, int Size), Design> Known = new()
    {
        [(100, 5)] = new(20, 5, 5,
        [
            [(0, 0), (7, 4), (13, 0), (15, 3), (18, 1)],
            [(3, 2), (4, 0), (5, 2), (9, 4), (12, 3)],
            [(1, 4), (2, 3), (11, 0), (14, 1), (17, 3)],
            [(6, 2), (8, 4), (10, 0), (16, 0), (19, 0)],
        ]),
    };

    public static IEnumerable<(int People, int Size)> All => Known.Keys;

    /// <summary>m + 1 repeat-free rounds (21 for 100 people in fives), or null when no design is stored for this shape.</summary>
    public static int[][][]? Rounds(int people, int size) =>
        Known.TryGetValue((people, size), out var design) ? Develop(design) : null;

    private static int[][][] Develop(Design d)
    {
        var rounds = new int[d.M + 1][][];
        for (var t = 0; t < d.M; t++)
        {
            rounds[t] = d.BaseGroups
                .SelectMany(g => Enumerable.Range(0, d.Classes)
                    .Select(s => g.Select(p => (p.Class + s) % d.Classes * d.M + (p.X + t) % d.M).Order().ToArray()))
                .ToArray();
        }
        // The cosets: x and x' of one class share a group when x = x' mod M/Size.
        var step = d.M / d.Size;
        rounds[d.M] = Enumerable.Range(0, d.Classes)
            .SelectMany(k => Enumerable.Range(0, step).Select(r => Enumerable.Range(0, d.Size).Select(i => k * d.M + r + i * step).ToArray()))
            .ToArray();
        return rounds;
    }
}
