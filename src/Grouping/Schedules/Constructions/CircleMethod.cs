namespace Microsolidarity.Grouping;

/// <summary>
/// The round-robin of chess tournaments: one person stays put, the others turn one seat per round, so 2g people
/// meet everyone once in 2g-1 rounds of pairs.
/// </summary>
public static class CircleMethod
{
    public static int[][][]? Rounds(int people)
    {
        if (people < 2 || people % 2 != 0)
        {
            return null;
        }
        var turning = people - 1;
        var rounds = new int[turning][][];
        for (var r = 0; r < turning; r++)
        {
            var pairs = new int[people / 2][];
            pairs[0] = [r, people - 1];
            for (var i = 1; i < people / 2; i++)
            {
                var a = (r + i) % turning;
                var b = (r - i + turning) % turning;
                pairs[i] = [Math.Min(a, b), Math.Max(a, b)];
            }
            rounds[r] = pairs;
        }
        return rounds;
    }
}
