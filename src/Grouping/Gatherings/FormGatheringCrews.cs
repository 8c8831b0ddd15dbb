namespace Microsolidarity.Grouping;

/// <summary>Someone at a gathering: where they come from, and whether this is their first time.</summary>
public sealed record Attendee(string Id, string Congregation, bool Newcomer);

/// <summary>
/// Temporary crews for one date of a gathering. <see cref="Met"/> are pairs who have been in a crew, a dyad or an
/// earlier temporary crew together (a gathering is for meeting new people, so they are kept apart when it costs
/// little); <see cref="RatherNot"/> are pairs where one said privately they would rather not sit with the other
/// (kept apart whenever the sizes allow it). Pairs name attendees by id, in either order; pairs naming someone not
/// attending are ignored.
/// </summary>
public sealed record GatheringCrewsRequest(IReadOnlyList<Attendee> Attendees)
{
    /// <summary>The size wished for; crews differ from each other by at most one person (<see cref="GroupSizes.Split"/>).</summary>
    public int Size { get; init; } = 5;

    public IReadOnlyCollection<(string A, string B)> Met { get; init; } = [];
    public IReadOnlyCollection<(string A, string B)> RatherNot { get; init; } = [];
}

/// <summary>
/// The crews, and what could not be kept: <see cref="RatherNotsTogether"/> is above zero only when the sizes left
/// no way round it (everyone in one crew, or someone who would rather not sit with nearly everyone).
/// </summary>
public sealed record GatheringCrewsResult(IReadOnlyList<IReadOnlyList<string>> Crews, int RatherNotsTogether, int MetPairsTogether);

/// <summary>
/// Temporary crews at a gathering, mixed on purpose: the partition search with a distance as the weight, so
/// people who have not met, people from different congregations, and newcomers with old hands end up together,
/// and a "rather not" as a weight no mix can outweigh. A repair step then swaps people between crews until no
/// crew holds a "rather not" pair, whenever a swap can do it.
/// </summary>
public static class FormGatheringCrews
{
    private const double Forbidden = -1_000_000;
    private const int SmallestCrew = 3;

    /// <summary>Not having met counts most: a gathering is where people who do not know each other yet meet.</summary>
    private const double NotMetBefore = 3;

    public static IReadOnlyList<IReadOnlyList<string>> Run(IReadOnlyList<Attendee> attendees, int size = 5, SearchOptions? options = null, CancellationToken cancellation = default) =>
        Run(new GatheringCrewsRequest(attendees) { Size = size }, options, cancellation).Crews;

    public static GatheringCrewsResult Run(GatheringCrewsRequest request, SearchOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new SearchOptions();
        var attendees = request.Attendees;
        var n = attendees.Count;
        if (n == 0)
        {
            return new([], 0, 0);
        }
        var index = attendees.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var met = PairsOf(request.Met, index, n);
        var ratherNot = PairsOf(request.RatherNot, index, n);
        var sizes = GroupSizes.Split(n, Math.Max(2, request.Size));
        if (n >= SmallestCrew && sizes.Min() < SmallestCrew)
        {
            // A crew is three to six: with three people or more, nobody sits at a table of two.
            var groups = n / SmallestCrew;
            sizes = [.. Enumerable.Range(0, groups).Select(g => n / groups + (g < n % groups ? 1 : 0))];
        }
        int[][] crews;
        var weights = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                weights[a * n + b] = weights[b * n + a] = ratherNot[a, b] ? Forbidden
                    : (met[a, b] ? 0 : NotMetBefore) + Distance(attendees[a], attendees[b]);
            }
        }
        if (sizes.Length == 1)
        {
            crews = [Enumerable.Range(0, n).ToArray()];
        }
        else
        {
            var problem = new PartitionProblem(n, weights, Enumerable.Repeat(sizes.Min(), sizes.Length).ToArray(), Enumerable.Repeat(sizes.Max(), sizes.Length).ToArray());
            var partition = PartitionSearch.Run(problem, options with { StallIterations = Math.Min(options.StallIterations, PartitionSearch.DefaultStall(n)) }, cancellation: cancellation);
            var groupOf = partition.GroupOf.ToArray();
            Repair(groupOf, ratherNot, weights, n);
            crews = Enumerable.Range(0, sizes.Length).Select(g => Enumerable.Range(0, n).Where(p => groupOf[p] == g).ToArray()).ToArray();
        }
        var clashes = crews.Sum(g => PairsWithin(g, ratherNot));
        var repeats = crews.Sum(g => PairsWithin(g, met));
        return new(crews.Select(g => (IReadOnlyList<string>)g.Select(p => attendees[p].Id).ToArray()).ToArray(), clashes, repeats);
    }

    /// <summary>
    /// Meeting another congregation is the point of a gathering (2); a newcomer beside someone who knows the
    /// ropes helps both (1); two newcomers together gain the least.
    /// </summary>
    private static double Distance(Attendee a, Attendee b) =>
        (a.Congregation != b.Congregation ? 2 : 0) + (a.Newcomer != b.Newcomer ? 1 : 0) - (a.Newcomer && b.Newcomer ? 1 : 0);

    private static bool[,] PairsOf(IEnumerable<(string A, string B)> pairs, Dictionary<string, int> index, int n)
    {
        var table = new bool[n, n];
        foreach (var (a, b) in pairs)
        {
            if (index.TryGetValue(a, out var i) && index.TryGetValue(b, out var j) && i != j)
            {
                table[i, j] = table[j, i] = true;
            }
        }
        return table;
    }

    private static int PairsWithin(int[] group, bool[,] pairs)
    {
        var count = 0;
        for (var x = 0; x < group.Length; x++)
        {
            for (var y = x + 1; y < group.Length; y++)
            {
                count += pairs[group[x], group[y]] ? 1 : 0;
            }
        }
        return count;
    }

    /// <summary>
    /// The search's weights make a "rather not" pair together the worst thing a grouping can hold, but a time or
    /// iteration budget can end it early. Each person in such a pair is swapped with someone of another crew when
    /// the swap leaves neither crew with a pair, taking the swap that loses least of the mix. Swaps keep the sizes.
    /// </summary>
    private static void Repair(int[] groupOf, bool[,] ratherNot, double[] weights, int n)
    {
        bool Clashes(int person, int group, int except) =>
            Enumerable.Range(0, n).Any(q => q != person && q != except && groupOf[q] == group && ratherNot[person, q]);
        double Gain(int person, int group, int except) =>
            Enumerable.Range(0, n).Where(q => q != person && q != except && groupOf[q] == group).Sum(q => weights[person * n + q]);
        for (var pass = 0; pass < n; pass++)
        {
            var swapped = false;
            foreach (var clashing in Enumerable.Range(0, n).Where(p => Clashes(p, groupOf[p], -1)).ToList())
            {
                var home = groupOf[clashing];
                if (!Clashes(clashing, home, -1))
                {
                    continue; // an earlier swap of this pass settled it
                }
                var best = -1;
                var bestGain = double.NegativeInfinity;
                for (var other = 0; other < n; other++)
                {
                    var there = groupOf[other];
                    if (there == home || Clashes(clashing, there, other) || Clashes(other, home, clashing))
                    {
                        continue;
                    }
                    var gain = Gain(clashing, there, other) + Gain(other, home, clashing) - Gain(clashing, home, -1) - Gain(other, there, -1);
                    if (gain > bestGain)
                    {
                        (best, bestGain) = (other, gain);
                    }
                }
                if (best >= 0)
                {
                    (groupOf[clashing], groupOf[best]) = (groupOf[best], home);
                    swapped = true;
                }
            }
            if (!swapped)
            {
                return; // nothing left to swap: the result counts what stays, and the hosts see the crew marked
            }
        }
    }
}
