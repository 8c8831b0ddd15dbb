namespace Microsolidarity.Grouping.Bench;

/// <summary>The plain greedy baseline for grouping: each person, in order, joins the group they like best that has room.</summary>
internal static class PartitionGreedy
{
    public static int[] Run(PartitionProblem problem)
    {
        var groupOf = Enumerable.Repeat(-1, problem.People).ToArray();
        var size = new int[problem.Groups];
        for (var p = 0; p < problem.People; p++)
        {
            var best = -1;
            var bestGain = double.NegativeInfinity;
            var left = problem.People - p;
            var stillNeeded = Enumerable.Range(0, problem.Groups).Sum(g => Math.Max(0, problem.Lower[g] - size[g]));
            for (var g = 0; g < problem.Groups; g++)
            {
                if (size[g] >= problem.Upper[g] || (stillNeeded >= left && size[g] >= problem.Lower[g]))
                {
                    continue; // the rest must go to groups still below their lower bound
                }
                var gain = 0.0;
                for (var q = 0; q < p; q++)
                {
                    if (groupOf[q] == g)
                    {
                        gain += problem.Weight(p, q);
                    }
                }
                if (gain > bestGain)
                {
                    (best, bestGain) = (g, gain);
                }
            }
            groupOf[p] = best;
            size[best]++;
        }
        return groupOf;
    }
}
