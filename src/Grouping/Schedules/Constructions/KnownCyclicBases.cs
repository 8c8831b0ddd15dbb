namespace Microsolidarity.Grouping;

/// <summary>
/// Base rounds that <see cref="CyclicDesign"/> takes longer to find than a construction should (from about 15 ms
/// to a few seconds), found once with a bigger search budget and stored here, so building the design is instant.
/// Each is checked by the tests: developing it gives the full number of rounds with no pair meeting twice.
/// </summary>
public static class KnownCyclicBases
{
    private static readonly Dictionary<(int People, int Size), CyclicBase> Bases = new()
    {
        // Kirkman's schoolgirls: Z_7 x 2 classes + 1 fixed point, 7 rounds (the search takes about 15 ms cold).
        [(15, 3)] = new(7, 2, 1, [[[14, 6, 11], [0, 2, 8], [1, 5, 12], [3, 4, 13], [7, 9, 10]]]),
        // Nearly Kirkman triple system of 30: Z_7 x 4 classes + 2 fixed points, two base rounds, 14 rounds (about 40 ms).
        [(30, 3)] = new(7, 4, 2, [[[28, 10, 16], [29, 17, 26], [0, 14, 25], [1, 22, 23], [2, 12, 20], [3, 15, 27], [4, 5, 24], [6, 7, 11], [8, 9, 19], [13, 18, 21]], [[28, 0, 23], [29, 1, 8], [2, 4, 13], [3, 6, 19], [5, 11, 20], [7, 9, 26], [10, 17, 24], [12, 21, 25], [14, 22, 27], [15, 16, 18]]]),
        // Kirkman triple system of 21: Z_5 x 4 classes + 1 fixed point, two base rounds, 10 rounds.
        [(21, 3)] = new(5, 4, 1, [[[20, 13, 15], [0, 6, 12], [1, 2, 18], [3, 14, 17], [4, 9, 19], [5, 8, 16], [7, 10, 11]], [[20, 0, 9], [1, 4, 14], [2, 11, 15], [3, 5, 6], [7, 16, 19], [8, 10, 13], [12, 17, 18]]]),
        // Nearly Kirkman triple system of 60: Z_29 x 2 classes + 2 fixed points, 29 rounds.
        [(60, 3)] = new(29, 2, 2, [[[58, 28, 33], [59, 20, 29], [0, 3, 44], [1, 26, 34], [2, 15, 21], [4, 56, 57], [5, 51, 53], [6, 35, 55], [7, 8, 19], [9, 45, 52], [10, 12, 38], [11, 18, 50], [13, 22, 27], [14, 32, 49], [16, 24, 37], [17, 39, 47], [23, 48, 54], [25, 36, 41], [30, 40, 43], [31, 42, 46]]]),
        // Ten groups of five for nine rounds (the transversal-design instance): Z_9 x 5 classes + 5 fixed points.
        [(50, 5)] = new(9, 5, 5, [[[45, 0, 9, 18, 27], [46, 1, 11, 21, 31], [47, 2, 10, 23, 34], [48, 3, 14, 25, 40], [49, 5, 17, 22, 41], [4, 7, 8, 32, 37], [6, 12, 20, 28, 35], [13, 15, 16, 38, 43], [19, 24, 36, 42, 44], [26, 29, 30, 33, 39]]]),
    };

    public static IEnumerable<(int People, int Size)> All => Bases.Keys;

    public static int[][][]? Rounds(int people, int size) => Bases.TryGetValue((people, size), out var b) ? b.Develop() : null;
}
