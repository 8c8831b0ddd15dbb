namespace Microsolidarity.Grouping;

/// <summary>
/// Iterated tabu search for the grouping problem. Each person keeps their summed weight towards every group,
/// so a move or a swap is scored in O(1) and applied in O(n). Each step takes the best non-tabu move or swap
/// (a move is allowed only while the sizes stay within bounds); a person who moved is tabu for a while unless
/// the move beats the best ever. When the tabu phase stops finding better groupings, the search goes back to
/// the best and shakes it with random swaps (iterated local search).
/// </summary>
public static class PartitionSearch
{
    /// <summary>A stall limit that ends small instances in milliseconds and leaves big ones to the time budget.</summary>
    public static long DefaultStall(int people) => 2_000L * people;

    public static Partition Run(PartitionProblem problem, SearchOptions? options = null, CancellationToken cancellation = default, int[]? start = null)
    {
        options ??= new SearchOptions();
        var state = new State(problem, start ?? RandomStart(problem, new Random(options.Seed)));
        return state.Search(options, cancellation);
    }

    /// <summary>Every group at its lower bound, the rest spread at random where there is room.</summary>
    public static int[] RandomStart(PartitionProblem problem, Random rng)
    {
        var people = Enumerable.Range(0, problem.People).ToArray();
        rng.Shuffle(people);
        var groupOf = new int[problem.People];
        var at = 0;
        var size = new int[problem.Groups];
        for (var g = 0; g < problem.Groups; g++)
        {
            for (var k = 0; k < problem.Lower[g]; k++, size[g]++)
            {
                groupOf[people[at++]] = g;
            }
        }
        var open = Enumerable.Range(0, problem.Groups).Where(g => size[g] < problem.Upper[g]).ToList();
        while (at < people.Length)
        {
            var i = rng.Next(open.Count);
            var g = open[i];
            groupOf[people[at++]] = g;
            if (++size[g] == problem.Upper[g])
            {
                open.RemoveAt(i);
            }
        }
        return groupOf;
    }

    private sealed class State
    {
        private readonly PartitionProblem problem;
        private readonly double[] w;
        private readonly int n;
        private readonly int m;
        private readonly int[] groupOf;
        private readonly int[] size;
        private readonly double[] toward; // toward[i * m + g]: sum of w(i, j) over j in g
        private readonly int[] tabuUntil;
        private readonly double[] here; // here[i]: i's weight towards their own group, refreshed each step
        private double objective;

        public State(PartitionProblem problem, int[] start)
        {
            this.problem = problem;
            (w, n, m) = (problem.WeightTable, problem.People, problem.Groups);
            groupOf = (int[])start.Clone();
            size = new int[m];
            toward = new double[n * m];
            tabuUntil = new int[n];
            here = new double[n];
            Load(start);
        }

        private void Load(int[] assignment)
        {
            assignment.CopyTo(groupOf, 0);
            Array.Clear(size);
            Array.Clear(toward);
            foreach (var g in groupOf)
            {
                size[g]++;
            }
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j)
                    {
                        toward[i * m + groupOf[j]] += w[i * n + j];
                    }
                }
            }
            objective = 0;
            for (var i = 0; i < n; i++)
            {
                objective += toward[i * m + groupOf[i]];
            }
            objective /= 2;
        }

        public Partition Search(SearchOptions options, CancellationToken cancellation)
        {
            var rng = new Random(options.Seed);
            var clock = new SearchClock(options, cancellation);
            var best = (int[])groupOf.Clone();
            var bestObjective = objective;
            var bestAt = TimeSpan.Zero;
            var sinceBest = 0;
            var depth = Math.Max(200, 10 * n);
            // Short tenures (2 to n/12) did best on the n=120 corpus instances; n/10 to n/4 kept the search circling.
            var tenureLow = Math.Max(2, n / 60);
            var tenureHigh = Math.Max(tenureLow + 1, n / 12);
            while (clock.Next())
            {
                var iteration = (int)Math.Min(clock.Iteration, int.MaxValue - n);
                if (!Step(iteration, bestObjective, rng, out var moved))
                {
                    break; // a single group: nothing to move
                }
                foreach (var p in new[] { moved.Item1, moved.Item2 })
                {
                    if (p >= 0)
                    {
                        tabuUntil[p] = iteration + rng.Next(tenureLow, tenureHigh);
                    }
                }
                if (objective > bestObjective + 1e-9)
                {
                    bestObjective = objective;
                    groupOf.CopyTo(best, 0);
                    bestAt = clock.Elapsed;
                    sinceBest = 0;
                    clock.Improved("partition", bestObjective);
                }
                else if (++sinceBest > depth)
                {
                    Load(best);
                    Shake(rng, 2 + rng.Next(Math.Max(1, n / 8)));
                    Array.Clear(tabuUntil);
                    sinceBest = 0;
                }
            }
            return new Partition(best, problem.Objective(best), bestAt, clock.Iteration);
        }

        /// <summary>Applies the best allowed move or swap; says who moved. The inner loop is the whole cost of the search, so it is written out by hand.</summary>
        private bool Step(int iteration, double bestObjective, Random rng, out (int, int) moved)
        {
            var bestGain = double.NegativeInfinity;
            var ties = 0;
            (int I, int J, int G) chosen = (-1, -1, -1);
            for (var i = 0; i < n; i++)
            {
                here[i] = toward[i * m + groupOf[i]];
            }
            for (var i = 0; i < n; i++)
            {
                var gi = groupOf[i];
                var ti = i * m;
                var hereI = here[i];
                var tabuI = tabuUntil[i] > iteration;
                if (size[gi] > problem.Lower[gi])
                {
                    for (var h = 0; h < m; h++)
                    {
                        if (h != gi && size[h] < problem.Upper[h])
                        {
                            Consider(toward[ti + h] - hereI, tabuI, i, -1, h);
                        }
                    }
                }
                var row = i * n;
                for (var j = i + 1; j < n; j++)
                {
                    var gj = groupOf[j];
                    if (gj == gi)
                    {
                        continue;
                    }
                    var gain = toward[ti + gj] - hereI + toward[j * m + gi] - here[j] - 2 * w[row + j];
                    if (gain >= bestGain - 1e-12)
                    {
                        Consider(gain, tabuI || tabuUntil[j] > iteration, i, j, gj);
                    }
                }
            }
            moved = (chosen.I, chosen.J);
            if (chosen.I < 0)
            {
                return false;
            }
            if (chosen.J < 0)
            {
                Move(chosen.I, chosen.G);
            }
            else
            {
                var gi = groupOf[chosen.I];
                Move(chosen.I, chosen.G);
                Move(chosen.J, gi);
            }
            return true;

            void Consider(double gain, bool tabu, int i, int j, int g)
            {
                if (gain < bestGain - 1e-12)
                {
                    return;
                }
                if (tabu && objective + gain <= bestObjective + 1e-9)
                {
                    return;
                }
                if (gain > bestGain + 1e-12)
                {
                    (bestGain, ties, chosen) = (gain, 1, (i, j, g));
                }
                else if (rng.Next(++ties) == 0)
                {
                    chosen = (i, j, g);
                }
            }
        }

        private void Move(int i, int to)
        {
            var from = groupOf[i];
            objective += toward[i * m + to] - toward[i * m + from];
            for (var k = 0; k < n; k++)
            {
                var wk = w[k * n + i];
                toward[k * m + from] -= wk;
                toward[k * m + to] += wk;
            }
            // i's own row must not count i itself.
            toward[i * m + from] += w[i * n + i];
            toward[i * m + to] -= w[i * n + i];
            groupOf[i] = to;
            size[from]--;
            size[to]++;
        }

        private void Shake(Random rng, int swaps)
        {
            for (var s = 0; s < swaps; s++)
            {
                var i = rng.Next(n);
                var j = rng.Next(n);
                if (groupOf[i] != groupOf[j])
                {
                    var gi = groupOf[i];
                    Move(i, groupOf[j]);
                    Move(j, gi);
                }
            }
        }
    }
}
