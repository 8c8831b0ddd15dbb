using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsolidarity.Grouping;

/// <summary>
/// Memetic iterated tabu search for the grouping problem, after the best published methods for the maximally
/// diverse grouping problem (iterated tabu search with swap and insertion moves and a perturbation; a small
/// population whose children keep what both parents agree on).
/// <para>The core is a tabu search: each person keeps their summed weight towards every group, each step takes
/// the best non-tabu move or swap (a move only while sizes stay within bounds), and whoever moved is tabu for a
/// few steps unless the move beats the best ever. When a phase stops improving, the search shakes the best of
/// that phase, or of the whole climb when the phase fell clearly behind it, with a few random swaps.</para>
/// <para>Around it, two ways of spending the next stretch of steps compete: carry on the one long walk from
/// where it stood (short tenure), or climb a child of two groupings from a pool of six (long tenure). Each is
/// chosen mostly by how often it has improved the best so far. Instances differ in which wins: on distance-like
/// weights (Geo) the long walk finds the best groupings, on random weights with free sizes the children do, and
/// neither setting alone was reliable on both in a second.</para>
/// </summary>
public static class PartitionSearch
{
    /// <summary>A stall limit that ends small instances in milliseconds and leaves big ones to the time budget.</summary>
    public static long DefaultStall(int people) => 2_000L * people;

    private const int PoolSize = 6;
    private const double Exploit = 0.8; // how often the better way so far is taken; the other keeps being tried

    public static Partition Run(PartitionProblem problem, SearchOptions? options = null, int[]? start = null, CancellationToken cancellation = default)
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
        private const double Unusable = -1e300; // the gain of an empty slot: never chosen, never overflows
        private readonly PartitionProblem problem;
        private readonly double[] w;
        private readonly int n;
        private readonly int m;
        private readonly int[] lower;
        private readonly int[] upper;
        private readonly int[] groupOf;
        private readonly int[] size;
        private readonly double[] toward; // toward[i * m + g]: sum of w(i, j) over j in g, j != i
        private readonly int[] tabuUntil;

        // Each group owns a run of slots, as many as it may hold rounded up to a whole vector; its members fill
        // the first size[g]. Weights and gains are kept by slot, so the members of a group sit side by side
        // in memory and a swap is scored a vector at a time.
        private readonly int slots;
        private readonly int[] first; // first[g]: g's first slot
        private readonly int[] personAt; // personAt[s]: who sits in slot s, -1 when empty
        private readonly int[] slotOf;
        private readonly double[] weightAt; // weightAt[i * slots + s] = w(i, personAt[s])
        private readonly double[] gainInto; // gainInto[g * slots + s]: gain of moving personAt[s] into g, refreshed each step
        private double objective;

        public State(PartitionProblem problem, int[] start)
        {
            this.problem = problem;
            (w, n, m, lower, upper) = (problem.WeightTable, problem.People, problem.Groups, problem.Lower, problem.Upper);
            groupOf = new int[n];
            size = new int[m];
            toward = new double[n * m];
            tabuUntil = new int[n];
            var lanes = Vector<double>.Count;
            first = new int[m + 1];
            for (var g = 0; g < m; g++)
            {
                first[g + 1] = first[g] + (upper[g] + lanes - 1) / lanes * lanes;
            }
            slots = first[m];
            personAt = new int[slots];
            slotOf = new int[n];
            weightAt = new double[n * slots];
            gainInto = new double[m * slots];
            Load(start);
        }

        private void Load(int[] assignment)
        {
            assignment.CopyTo(groupOf, 0);
            Array.Clear(size);
            Array.Clear(toward);
            Array.Fill(personAt, -1);
            for (var i = 0; i < n; i++)
            {
                var g = groupOf[i];
                var s = first[g] + size[g]++;
                personAt[s] = i;
                slotOf[i] = s;
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
                for (var s = 0; s < slots; s++)
                {
                    weightAt[i * slots + s] = personAt[s] < 0 ? 0 : w[i * n + personAt[s]];
                }
            }
            objective = 0;
            for (var i = 0; i < n; i++)
            {
                objective += toward[i * m + groupOf[i]];
            }
            objective /= 2;
        }

        private SearchClock clock = null!;
        private Random rng = null!;
        private int[] best = null!;
        private double bestObjective;
        private TimeSpan bestAt;
        private bool stopped;

        public Partition Search(SearchOptions options, CancellationToken cancellation)
        {
            rng = new Random(options.Seed);
            clock = new SearchClock(options, cancellation);
            best = (int[])groupOf.Clone();
            bestObjective = objective;
            var climb = 100L * n;
            var longTenure = Math.Max(3, n / 12);
            // Short tenures: 2 to n/12 circles on the distance-like (Geo) instances, where 2 to n/20 finds better
            // groupings; random weights want the longer one.
            var shortTenure = Math.Max(3, n / 20);

            // The pool: the start and five random groupings, each climbed briefly.
            var pool = new List<(int[] GroupOf, double Objective)>();
            for (var k = 0; k < PoolSize && !stopped; k++)
            {
                if (k > 0)
                {
                    Load(RandomStart(problem, rng));
                }
                var found = Climb(climb / 2, longTenure, out var value);
                pool.Add((found, value));
            }
            int[]? walk = null;
            var tries = new int[2];
            var wins = new int[2];
            while (!stopped)
            {
                // 0: a child of two pool members; 1: the long walk. Laplace-smoothed rates of improving the best.
                var better = (wins[1] + 1.0) / (tries[1] + 2) > (wins[0] + 1.0) / (tries[0] + 2) ? 1 : 0;
                var way = rng.NextDouble() < Exploit ? better : 1 - better;
                var before = bestObjective;
                if (way == 1)
                {
                    Load(walk ?? best);
                    walk = Climb(climb, shortTenure, out _);
                }
                else
                {
                    var a = rng.Next(pool.Count);
                    var b = rng.Next(pool.Count - 1);
                    b += b >= a ? 1 : 0;
                    Load(Cross(pool[a].GroupOf, pool[b].GroupOf));
                    var found = Climb(climb, longTenure, out var value);
                    var worst = 0;
                    for (var k = 1; k < pool.Count; k++)
                    {
                        worst = pool[k].Objective < pool[worst].Objective ? k : worst;
                    }
                    if (value > pool[worst].Objective + 1e-9 && pool.All(p => Math.Abs(p.Objective - value) > 1e-9))
                    {
                        pool[worst] = (found, value);
                    }
                }
                tries[way]++;
                wins[way] += bestObjective > before + 1e-9 ? 1 : 0;
            }
            return new Partition(best, problem.Objective(best), bestAt, clock.Iteration);
        }

        /// <summary>Keeps the people both parents group alike (after matching their group labels), and seats the rest greedily.</summary>
        private int[] Cross(int[] one, int[] two)
        {
            var overlap = new int[m * m];
            for (var i = 0; i < n; i++)
            {
                overlap[one[i] * m + two[i]]++;
            }
            var label = new int[m]; // label[g of two] = g of one
            Array.Fill(label, -1);
            var taken = new bool[m];
            for (var k = 0; k < m; k++)
            {
                var (bg, bh, most) = (-1, -1, -1);
                for (var g = 0; g < m; g++)
                {
                    if (taken[g]) continue;
                    for (var h = 0; h < m; h++)
                    {
                        if (label[h] < 0 && overlap[g * m + h] > most)
                        {
                            (bg, bh, most) = (g, h, overlap[g * m + h]);
                        }
                    }
                }
                taken[bg] = true;
                label[bh] = bg;
            }
            var child = new int[n];
            var count = new int[m];
            var loose = new List<int>();
            for (var i = 0; i < n; i++)
            {
                if (one[i] == label[two[i]])
                {
                    child[i] = one[i];
                    count[one[i]]++;
                }
                else
                {
                    child[i] = -1;
                    loose.Add(i);
                }
            }
            rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(loose));
            var need = 0;
            for (var g = 0; g < m; g++)
            {
                need += Math.Max(0, lower[g] - count[g]);
            }
            for (var k = 0; k < loose.Count; k++)
            {
                var i = loose[k];
                var left = loose.Count - k;
                var (home, most) = (-1, double.NegativeInfinity);
                for (var g = 0; g < m; g++)
                {
                    if (count[g] >= upper[g] || (need >= left && count[g] >= lower[g]))
                    {
                        continue;
                    }
                    var sum = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        if (child[j] == g)
                        {
                            sum += w[i * n + j];
                        }
                    }
                    if (sum > most)
                    {
                        (home, most) = (g, sum);
                    }
                }
                if (count[home] < lower[home])
                {
                    need--;
                }
                child[i] = home;
                count[home]++;
            }
            return child;
        }

        /// <summary>
        /// Tabu search from the current grouping for at most the given steps, shaking when a phase stalls; returns
        /// the best grouping it saw. A phase that ends close behind the climb's best (within 0.3 of a typical weight)
        /// is shaken where it stands, so the climb wanders among near-equal groupings instead of circling one.
        /// </summary>
        private int[] Climb(long steps, int tenureHigh, out double found)
        {
            var phaseBest = (int[])groupOf.Clone();
            var phaseBestObjective = objective;
            var climbBest = (int[])groupOf.Clone();
            var climbBestObjective = objective;
            if (objective > bestObjective + 1e-9)
            {
                bestObjective = objective;
                groupOf.CopyTo(best, 0);
                bestAt = clock.Elapsed;
            }
            var close = 0.3 * TypicalWeight();
            var depth = Math.Max(200, 5 * n);
            var sinceBest = 0;
            Array.Clear(tabuUntil);
            for (var step = 0L; step < steps; step++)
            {
                if (!clock.Next())
                {
                    stopped = true;
                    break;
                }
                var iteration = (int)Math.Min(clock.Iteration, int.MaxValue - n);
                if (!Step(iteration, out var movedI, out var movedJ))
                {
                    stopped = true;
                    break; // a single group: nothing to move
                }
                tabuUntil[movedI] = iteration + rng.Next(2, tenureHigh);
                if (movedJ >= 0)
                {
                    tabuUntil[movedJ] = iteration + rng.Next(2, tenureHigh);
                }
                if (objective > phaseBestObjective + 1e-9)
                {
                    phaseBestObjective = objective;
                    groupOf.CopyTo(phaseBest, 0);
                    if (objective > climbBestObjective + 1e-9)
                    {
                        climbBestObjective = objective;
                        groupOf.CopyTo(climbBest, 0);
                        sinceBest = 0;
                        if (objective > bestObjective + 1e-9)
                        {
                            bestObjective = objective;
                            groupOf.CopyTo(best, 0);
                            bestAt = clock.Elapsed;
                            clock.Improved("partition", bestObjective);
                        }
                    }
                }
                if (++sinceBest > depth)
                {
                    Load(phaseBestObjective >= climbBestObjective - close ? phaseBest : climbBest);
                    Shake(2 + rng.Next(Math.Max(1, n / 30)));
                    Array.Clear(tabuUntil);
                    sinceBest = 0;
                    phaseBestObjective = objective;
                    groupOf.CopyTo(phaseBest, 0);
                }
            }
            found = climbBestObjective;
            return climbBest;
        }

        private double typicalWeight = -1;

        /// <summary>The median size of a weight: the scale for "nearly as good", untouched by a few huge penalties (crews' "rather not").</summary>
        private double TypicalWeight()
        {
            if (typicalWeight < 0)
            {
                var sizes = new double[n * (n - 1) / 2];
                var k = 0;
                for (var i = 0; i < n; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        sizes[k++] = Math.Abs(w[i * n + j]);
                    }
                }
                Array.Sort(sizes);
                typicalWeight = sizes.Length == 0 ? 0 : sizes[sizes.Length / 2];
            }
            return typicalWeight;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void RefreshGains()
        {
            for (var s = 0; s < slots; s++)
            {
                var j = personAt[s];
                if (j < 0)
                {
                    for (var g = 0; g < m; g++)
                    {
                        gainInto[g * slots + s] = Unusable;
                    }
                    continue;
                }
                var row = j * m;
                var here = toward[row + groupOf[j]];
                for (var g = 0; g < m; g++)
                {
                    gainInto[g * slots + s] = toward[row + g] - here;
                }
            }
        }

        /// <summary>Applies the best allowed move or swap; says who moved. The inner loop is the whole cost of the search, so it is written out by hand.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Step(int iteration, out int movedI, out int movedJ)
        {
            RefreshGains();
            var bestGain = double.NegativeInfinity;
            var ties = 0;
            (int I, int J, int G) chosen = (-1, -1, -1);
            for (var i = 0; i < n; i++)
            {
                var gi = groupOf[i];
                if (size[gi] <= lower[gi])
                {
                    continue;
                }
                var tabuI = tabuUntil[i] > iteration;
                var si = slotOf[i];
                for (var h = 0; h < m; h++)
                {
                    if (h != gi && size[h] < upper[h])
                    {
                        Consider(gainInto[h * slots + si], tabuI, i, -1, h);
                    }
                }
            }
            var lanes = Vector<double>.Count;
            ref var gains = ref MemoryMarshal.GetArrayDataReference(gainInto);
            ref var weights = ref MemoryMarshal.GetArrayDataReference(weightAt);
            var threshold = new Vector<double>(bestGain - 1e-12);
            for (var a = 0; a < m; a++)
            {
                var aEnd = first[a] + size[a];
                for (var b = a + 1; b < m; b++)
                {
                    var bFirst = first[b];
                    var bEnd = bFirst + size[b];
                    var intoA = a * slots;
                    for (var si = first[a]; si < aEnd; si++)
                    {
                        var i = personAt[si];
                        var leave = new Vector<double>(gainInto[b * slots + si]);
                        var row = i * slots;
                        for (var s = bFirst; s < bEnd; s += lanes)
                        {
                            var gain = leave + Vector.LoadUnsafe(ref gains, (nuint)(intoA + s)) - Vector.LoadUnsafe(ref weights, (nuint)(row + s)) * 2;
                            if (Vector.GreaterThanOrEqualAny(gain, threshold))
                            {
                                var tabuI = tabuUntil[i] > iteration;
                                for (var l = 0; l < lanes && s + l < bEnd; l++)
                                {
                                    var j = personAt[s + l];
                                    Consider(gain[l], tabuI || tabuUntil[j] > iteration, i, j, b);
                                }
                                threshold = new Vector<double>(bestGain - 1e-12);
                            }
                        }
                    }
                }
            }
            (movedI, movedJ) = (chosen.I, chosen.J);
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
                Swap(chosen.I, chosen.J);
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

        /// <summary>Moves i into group to (which has room), keeping the slots packed.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Move(int i, int to)
        {
            var from = groupOf[i];
            objective += toward[i * m + to] - toward[i * m + from];
            Shift(i, from, to);
            var last = first[from] + size[from] - 1;
            var s = slotOf[i];
            if (s != last)
            {
                var p = personAt[last];
                personAt[s] = p;
                slotOf[p] = s;
                for (var r = 0; r < n; r++)
                {
                    weightAt[r * slots + s] = weightAt[r * slots + last];
                }
            }
            personAt[last] = -1;
            var into = first[to] + size[to];
            personAt[into] = i;
            slotOf[i] = into;
            for (var r = 0; r < n; r++)
            {
                weightAt[r * slots + into] = w[r * n + i];
            }
            groupOf[i] = to;
            size[from]--;
            size[to]++;
        }

        /// <summary>i and j (in different groups) change places, and slots.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Swap(int i, int j)
        {
            var (gi, gj) = (groupOf[i], groupOf[j]);
            objective += toward[i * m + gj] - toward[i * m + gi] + toward[j * m + gi] - toward[j * m + gj] - 2 * w[i * n + j];
            Shift(i, gi, gj);
            Shift(j, gj, gi);
            var (si, sj) = (slotOf[i], slotOf[j]);
            (personAt[si], personAt[sj]) = (j, i);
            (slotOf[i], slotOf[j]) = (sj, si);
            for (var r = 0; r < n; r++)
            {
                var row = r * slots;
                (weightAt[row + si], weightAt[row + sj]) = (weightAt[row + sj], weightAt[row + si]);
            }
            (groupOf[i], groupOf[j]) = (gj, gi);
        }

        /// <summary>Everyone's weight towards the two groups, as i leaves one for the other.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Shift(int i, int from, int to)
        {
            for (var k = 0; k < n; k++)
            {
                var wk = w[k * n + i];
                toward[k * m + from] -= wk;
                toward[k * m + to] += wk;
            }
            // i's own row must not count i itself.
            toward[i * m + from] += w[i * n + i];
            toward[i * m + to] -= w[i * n + i];
        }

        private void Shake(int swaps)
        {
            for (var s = 0; s < swaps; s++)
            {
                var i = rng.Next(n);
                var j = rng.Next(n);
                if (groupOf[i] != groupOf[j])
                {
                    Swap(i, j);
                }
            }
        }
    }
}
