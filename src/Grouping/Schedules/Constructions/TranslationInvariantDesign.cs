namespace Microsolidarity.Grouping;

/// <summary>
/// 32 people in fours for 10 rounds with no pair meeting twice: a resolvable 4-GDD of type 2^16 (everyone
/// meets 30 of the other 31; the pairs that never meet form a perfect matching). Neither the cyclic searches
/// nor the affine planes reach it, and local search stops at 9 rounds.
/// <para>
/// People are Z_2^3 x 4 classes: person (x, class k) is numbered 8k + x, with x a 3-bit number. The group
/// H = Z_2^3 acts by h: (x, k) -> (x XOR h, k), so it moves everyone (no fixed points) and keeps the classes.
/// The design is invariant under H: rounds 0 to 3 are each mapped onto themselves by every h, and rounds
/// 4 and 5, 6 and 7, 8 and 9 are three pairs, the rounds of pair j swapped by the h whose bit j is set (so each
/// of them is fixed by a subgroup of order 4). Only one group of each H-orbit of (round, group) is stored;
/// <see cref="Rounds"/> applies every h to it, moving the round as above. The pairs that never meet are
/// x and x XOR 1 of each class (people 2i and 2i + 1).
/// </para>
/// <para>
/// The 16 base groups were found once, offline, by a SAT search over exactly this symmetry (for each round,
/// "p and q share a group" with three partners each and transitivity; each pair at most once; the variables
/// of a pair and its image under h made equal). Any such design would do; the tests develop it and let the
/// independent schedule checker count every pair. Aguado (2004) showed designs of this type exist; this one is
/// ours, not copied from a table.
/// </para>
/// </summary>
public static class TranslationInvariantDesign
{
    private const int Bits = 3;
    private const int GroupOrder = 1 << Bits;

    /// <param name="Classes">Orbits of H on the people (people = 8 x Classes).</param>
    /// <param name="SwappedPairs">Rounds (First, Second) swapped by h when h AND Mask has an odd number of bits; every other round is fixed by all of H.</param>
    private sealed record Design(int Classes, int RoundCount, (int First, int Second, int Mask)[] SwappedPairs, (int Round, (int X, int Class)[] Group)[] BaseGroups);

    private static readonly Dictionary<(int People, int Size), Design> Known = new()
    {
        [(32, 4)] = new(4, 10, [(4, 5, 1), (6, 7, 2), (8, 9, 4)],
        [
            (0, [(0, 0), (3, 0), (5, 0), (6, 0)]),
            (0, [(0, 1), (2, 1), (5, 1), (7, 1)]),
            (0, [(0, 2), (5, 2), (2, 3), (7, 3)]),
            (1, [(0, 0), (7, 0), (1, 2), (6, 2)]),
            (1, [(0, 1), (6, 1), (0, 3), (6, 3)]),
            (2, [(0, 0), (6, 1), (5, 2), (4, 3)]),
            (3, [(0, 0), (4, 0), (1, 1), (5, 1)]),
            (3, [(0, 2), (2, 2), (4, 2), (6, 2)]),
            (3, [(0, 3), (3, 3), (4, 3), (7, 3)]),
            (4, [(0, 0), (4, 1), (4, 2), (7, 3)]),
            (4, [(1, 0), (3, 1), (1, 2), (4, 3)]),
            (6, [(0, 0), (7, 1), (3, 2), (3, 3)]),
            (6, [(2, 0), (1, 1), (0, 2), (4, 3)]),
            (8, [(0, 0), (0, 1), (7, 2), (1, 3)]),
            (8, [(4, 0), (6, 0), (4, 3), (6, 3)]),
            (8, [(4, 1), (7, 1), (1, 2), (2, 2)]),
        ]),
    };

    public static IEnumerable<(int People, int Size)> All => Known.Keys;

    /// <summary>All repeat-free rounds of the stored design (10 for 32 people in fours), or null when none is stored for this shape.</summary>
    public static int[][][]? Rounds(int people, int size) =>
        Known.TryGetValue((people, size), out var design) ? Develop(design) : null;

    private static int[][][] Develop(Design d)
    {
        var people = GroupOrder * d.Classes;
        var rounds = Enumerable.Range(0, d.RoundCount).Select(_ => new List<int[]>()).ToArray();
        var placed = new bool[d.RoundCount, people];
        foreach (var (round, group) in d.BaseGroups)
        {
            for (var h = 0; h < GroupOrder; h++)
            {
                var image = RoundImage(d, round, h);
                var moved = group.Select(p => p.Class * GroupOrder + (p.X ^ h)).Order().ToArray();
                // A base group fixed by some h comes back onto itself: keep one copy. (If the base were wrong, a
                // person would then be missing from the round, which the checker in the tests would report.)
                if (!placed[image, moved[0]])
                {
                    foreach (var p in moved)
                    {
                        placed[image, p] = true;
                    }
                    rounds[image].Add(moved);
                }
            }
        }
        return rounds.Select(r => r.OrderBy(g => g[0]).ToArray()).ToArray();
    }

    private static int RoundImage(Design d, int round, int h)
    {
        foreach (var (first, second, mask) in d.SwappedPairs)
        {
            if ((round == first || round == second) && int.PopCount(mask & h) % 2 == 1)
            {
                return round == first ? second : first;
            }
        }
        return round;
    }
}
