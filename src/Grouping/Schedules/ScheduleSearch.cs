namespace Microsolidarity.Grouping;

/// <summary>
/// Conflict-directed tabu search over swaps (after Dotú and Van Hentenryck's social golfer search): only people
/// who sit with someone they have met before are moved, each step takes the best swap with anyone in another
/// group of the same round, and people just moved may not move back for a few steps. Swaps keep every group's
/// size and never touch absent people, so every state the search visits is a valid schedule.
/// </summary>
internal sealed class ScheduleSearch
{
    private readonly int n;
    private readonly int[][][] groups;
    private readonly int[][] groupOf;
    private readonly int[][] tabuUntil;
    private readonly int[] startMeet;
    private int[] meet;
    private long cost;

    public ScheduleSearch(ScheduleRequest request, int[][][] initial)
    {
        n = request.People;
        groups = initial.Select(r => r.Select(g => g.ToArray()).ToArray()).ToArray();
        groupOf = new int[groups.Length][];
        tabuUntil = new int[groups.Length][];
        startMeet = PairCosts.Starting(request);
        meet = [];
        for (var r = 0; r < groups.Length; r++)
        {
            tabuUntil[r] = new int[n];
        }
        Recount();
    }

    public long Cost => cost;

    private void Recount()
    {
        meet = (int[])startMeet.Clone();
        for (var r = 0; r < groups.Length; r++)
        {
            groupOf[r] = Enumerable.Repeat(-1, n).ToArray();
            for (var g = 0; g < groups[r].Length; g++)
            {
                foreach (var a in groups[r][g])
                {
                    groupOf[r][a] = g;
                    foreach (var b in groups[r][g])
                    {
                        if (a != b)
                        {
                            meet[a * n + b]++;
                        }
                    }
                }
            }
        }
        cost = 0;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                cost += PairCosts.Of(meet[a * n + b]) - PairCosts.Of(startMeet[a * n + b]);
            }
        }
    }

    public int[][][] Run(SearchOptions options, CancellationToken cancellation)
    {
        var rng = new Random(options.Seed);
        var clock = new SearchClock(options, cancellation);
        var best = Snapshot();
        var bestCost = cost;
        var sinceBest = 0;
        var stallLimit = 2_000 + 50 * n;
        // Short tenures (2 to 5 steps) did best on 8-4-9 and 10-4-10; longer ones (up to 50) kept good swaps out.
        const int tenureLow = 2, tenureHigh = 6;
        while (cost > 0 && clock.Next())
        {
            var iteration = (int)Math.Min(clock.Iteration, int.MaxValue - 1000);
            var (round, a, b, found) = BestSwap(iteration, bestCost, rng);
            if (!found)
            {
                Perturb(rng, 1);
            }
            else
            {
                Swap(round, a, b);
                tabuUntil[round][a] = iteration + rng.Next(tenureLow, tenureHigh);
                tabuUntil[round][b] = iteration + rng.Next(tenureLow, tenureHigh);
            }
            if (cost < bestCost)
            {
                bestCost = cost;
                best = Snapshot();
                sinceBest = 0;
                clock.Improved("schedule", bestCost);
            }
            else if (++sinceBest > stallLimit)
            {
                // A long plateau: go back to the best and shake it a little.
                Restore(best);
                Perturb(rng, 1 + rng.Next(1 + groups.Length / 2));
                sinceBest = 0;
            }
        }
        return best;
    }

    private (int Round, int A, int B, bool Found) BestSwap(int iteration, long bestCost, Random rng)
    {
        var bestDelta = long.MaxValue;
        var ties = 0;
        (int, int, int) chosen = default;
        for (var r = 0; r < groups.Length; r++)
        {
            var round = groups[r];
            var tabu = tabuUntil[r];
            for (var g = 0; g < round.Length; g++)
            {
                var group = round[g];
                foreach (var a in group)
                {
                    if (!InConflict(a, group))
                    {
                        continue;
                    }
                    for (var h = 0; h < round.Length; h++)
                    {
                        if (h == g)
                        {
                            continue;
                        }
                        var other = round[h];
                        foreach (var b in other)
                        {
                            var delta = Delta(a, group, b, other);
                            if (delta > bestDelta)
                            {
                                continue;
                            }
                            if ((tabu[a] > iteration || tabu[b] > iteration) && cost + delta >= bestCost)
                            {
                                continue; // tabu, and not good enough to break the rule
                            }
                            if (delta < bestDelta)
                            {
                                (bestDelta, ties, chosen) = (delta, 1, (r, a, b));
                            }
                            else if (rng.Next(++ties) == 0)
                            {
                                chosen = (r, a, b);
                            }
                        }
                    }
                }
            }
        }
        return (chosen.Item1, chosen.Item2, chosen.Item3, bestDelta != long.MaxValue);
    }

    private bool InConflict(int a, int[] group)
    {
        var row = a * n;
        foreach (var x in group)
        {
            if (x != a && meet[row + x] > 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The cost change of swapping a (in A) with b (in B): b's and a's meetings with their new group mates go up
    /// by one, with their old ones down by one, so the change is a sum over the two groups only: O(group size).
    /// </summary>
    private long Delta(int a, int[] groupA, int b, int[] groupB)
    {
        long delta = 0;
        var ra = a * n;
        var rb = b * n;
        foreach (var x in groupA)
        {
            if (x != a)
            {
                delta += PairCosts.Step(meet[rb + x]) - PairCosts.Step(meet[ra + x] - 1);
            }
        }
        foreach (var y in groupB)
        {
            if (y != b)
            {
                delta += PairCosts.Step(meet[ra + y]) - PairCosts.Step(meet[rb + y] - 1);
            }
        }
        return delta;
    }

    private void Swap(int r, int a, int b)
    {
        var g = groupOf[r][a];
        var h = groupOf[r][b];
        var groupA = groups[r][g];
        var groupB = groups[r][h];
        cost += Delta(a, groupA, b, groupB);
        foreach (var x in groupA)
        {
            if (x != a)
            {
                Adjust(a, x, -1);
                Adjust(b, x, +1);
            }
        }
        foreach (var y in groupB)
        {
            if (y != b)
            {
                Adjust(b, y, -1);
                Adjust(a, y, +1);
            }
        }
        groupA[Array.IndexOf(groupA, a)] = b;
        groupB[Array.IndexOf(groupB, b)] = a;
        groupOf[r][a] = h;
        groupOf[r][b] = g;
    }

    private void Adjust(int a, int b, int by)
    {
        meet[a * n + b] += by;
        meet[b * n + a] += by;
    }

    private void Perturb(Random rng, int swaps)
    {
        for (var i = 0; i < swaps; i++)
        {
            var r = rng.Next(groups.Length);
            var round = groups[r];
            if (round.Length < 2)
            {
                continue;
            }
            var g = rng.Next(round.Length);
            var h = (g + 1 + rng.Next(round.Length - 1)) % round.Length;
            Swap(r, round[g][rng.Next(round[g].Length)], round[h][rng.Next(round[h].Length)]);
        }
    }

    private int[][][] Snapshot() => groups.Select(r => r.Select(g => g.ToArray()).ToArray()).ToArray();

    private void Restore(int[][][] from)
    {
        for (var r = 0; r < groups.Length; r++)
        {
            for (var g = 0; g < groups[r].Length; g++)
            {
                from[r][g].CopyTo(groups[r][g], 0);
            }
        }
        Recount();
    }
}
