namespace Microsolidarity.Grouping;

/// <summary>
/// The affine plane over GF(q): q*q people on a grid, a round per direction (q slopes and the vertical), a group
/// per parallel line. Two points share exactly one line, so q+1 rounds of q groups of q never repeat a pair.
/// </summary>
public static class AffinePlane
{
    public static int[][][]? Rounds(int people, int size)
    {
        if (size * size != people || FiniteField.Of(size) is not { } field)
        {
            return null;
        }
        var q = size;
        var rounds = new int[q + 1][][];
        for (var slope = 0; slope < q; slope++)
        {
            var groups = Enumerable.Range(0, q).Select(_ => new List<int>()).ToArray();
            for (var x = 0; x < q; x++)
            {
                for (var y = 0; y < q; y++)
                {
                    // The line y = slope*x + b holds (x, y) for b = y - slope*x; in GF(q), subtraction is adding the inverse.
                    var b = Enumerable.Range(0, q).First(c => field.Add(field.Multiply(slope, x), c) == y);
                    groups[b].Add(x * q + y);
                }
            }
            rounds[slope] = groups.Select(g => g.Order().ToArray()).ToArray();
        }
        rounds[q] = Enumerable.Range(0, q).Select(x => Enumerable.Range(0, q).Select(y => x * q + y).ToArray()).ToArray();
        return rounds;
    }
}
