namespace Microsolidarity.Grouping;

/// <summary>A grouping and how it was found.</summary>
public sealed record Partition(int[] GroupOf, double Objective, TimeSpan BestFoundAfter, long Iterations)
{
    public int[][] Groups(int groups) =>
        Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, GroupOf.Length).Where(p => GroupOf[p] == g).ToArray()).ToArray();
}
