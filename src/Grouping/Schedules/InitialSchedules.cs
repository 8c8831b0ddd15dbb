namespace Microsolidarity.Grouping;

/// <summary>
/// Starting points, and the two baselines the benchmarks compare against: random rooms (what video tools do)
/// and a plain greedy that seats each person where they have met the fewest people so far.
/// </summary>
public static class InitialSchedules
{
    public static Schedule Random(ScheduleRequest request, int seed)
    {
        var rng = new Random(seed);
        var absent = request.AbsenceTable();
        var rounds = new int[request.Rounds][][];
        for (var r = 0; r < request.Rounds; r++)
        {
            var present = Present(request, absent, r);
            rng.Shuffle(present);
            var sizes = request.SizesOfRound(r, absent);
            var at = 0;
            rounds[r] = sizes.Select(s => present.AsSpan(at, s).ToArray().Order().ToArray().Also(() => at += s)).ToArray();
        }
        return new Schedule(request.People, rounds) { Method = "random" };
    }

    public static Schedule Greedy(ScheduleRequest request, int seed) =>
        new(request.People, Greedy(request, seed, new int[request.Rounds][][])) { Method = "greedy" };

    /// <summary>Fills the rounds that are still null, round by round, taking the fixed ones into account.</summary>
    internal static int[][][] Greedy(ScheduleRequest request, int seed, int[][][] fixedRounds)
    {
        var n = request.People;
        var rng = new Random(seed);
        var absent = request.AbsenceTable();
        var meet = PairCosts.Starting(request);
        void Count(int[][] round)
        {
            foreach (var g in round)
            {
                foreach (var a in g)
                {
                    foreach (var b in g)
                    {
                        if (a != b)
                        {
                            meet[a * n + b]++;
                        }
                    }
                }
            }
        }
        foreach (var round in fixedRounds.Where(r => r is not null))
        {
            Count(round);
        }
        var rounds = new int[request.Rounds][][];
        for (var r = 0; r < request.Rounds; r++)
        {
            if (fixedRounds[r] is { } given)
            {
                rounds[r] = given;
                continue;
            }
            var present = Present(request, absent, r);
            rng.Shuffle(present);
            var sizes = request.SizesOfRound(r, absent);
            var groups = sizes.Select(_ => new List<int>()).ToArray();
            foreach (var p in present)
            {
                var best = -1;
                var bestCost = long.MaxValue;
                for (var g = 0; g < groups.Length; g++)
                {
                    if (groups[g].Count >= sizes[g])
                    {
                        continue;
                    }
                    long cost = 0;
                    foreach (var q in groups[g])
                    {
                        cost += meet[p * n + q];
                    }
                    // Among equally fresh groups, the emptiest: it leaves the most choice to those still to come.
                    cost = cost * 64 + groups[g].Count;
                    if (cost < bestCost)
                    {
                        (best, bestCost) = (g, cost);
                    }
                }
                groups[best].Add(p);
            }
            rounds[r] = groups.Select(g => g.Order().ToArray()).ToArray();
            Count(rounds[r]);
        }
        return rounds;
    }

    internal static int[] Present(ScheduleRequest request, bool[,] absent, int round) =>
        Enumerable.Range(0, request.People).Where(p => !absent[round, p]).ToArray();

    private static T Also<T>(this T value, Action then)
    {
        then();
        return value;
    }
}
