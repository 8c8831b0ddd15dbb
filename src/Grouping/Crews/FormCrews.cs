namespace Microsolidarity.Grouping;

/// <summary>
/// A crew formation round on the partition search: compatibility from preferences and shared interests is
/// the weight, a "rather not" is forbidden outright, and a crew must share a weekly hour. Sharing an hour is a
/// property of the whole crew, not of pairs, so the search is steered by pairs (no common hour, a heavy penalty)
/// and a repair step then makes sure every crew has a common hour, placing elsewhere or leaving out with a
/// reason whoever does not fit.
/// </summary>
public static class FormCrews
{
    private const double Forbidden = -1_000_000;
    private const double NoCommonHour = -10_000;

    public static CrewFormationResult Run(CrewFormationRequest request, SearchOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new SearchOptions();
        var unplaced = new List<UnplacedParticipant>();
        var people = new List<Participant>();
        // How many participants are free in each hour. Someone none of whose hours has enough people for the
        // smallest crew cannot be placed whatever the search does; left in, they pull it towards small crews that
        // then fall apart, so they are left out first and the others are placed as if they were absent. Leaving
        // them out changes no one else's test: the hours they have are exactly the hours too thin to count.
        var freeInHour = request.Participants.SelectMany(p => p.Slots).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        foreach (var p in request.Participants)
        {
            if (p.Slots.Count == 0)
            {
                unplaced.Add(new(p.Id, UnplacedKind.NoHours, "gave no weekly hours, so no crew could meet with them"));
            }
            else if (p.Slots.All(s => freeInHour[s] < request.MinSize))
            {
                unplaced.Add(new(p.Id, UnplacedKind.NoSharedHours, $"shares no weekly hour with enough others to make a crew of {request.MinSize}; more hours would help"));
            }
            else
            {
                people.Add(p);
            }
        }
        var n = people.Count;
        if (n < request.MinSize)
        {
            unplaced.AddRange(people.Select(p => new UnplacedParticipant(p.Id, UnplacedKind.TooFewPeople, $"fewer than {request.MinSize} people could be placed in this round")));
            return new CrewFormationResult([], unplaced);
        }
        var index = people.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var want = new int[n, n];
        var ratherNot = new bool[n, n];
        foreach (var s in request.Preferences)
        {
            if (!index.TryGetValue(s.From, out var a) || !index.TryGetValue(s.About, out var b) || a == b)
            {
                continue;
            }
            if (s.Preference == Preference.Want)
            {
                want[a, b] = 1;
            }
            else if (s.Preference == Preference.RatherNot)
            {
                ratherNot[a, b] = ratherNot[b, a] = true;
            }
        }
        var weights = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                weights[a * n + b] = weights[b * n + a] = Compatibility(people[a], people[b], want[a, b] + want[b, a], ratherNot[a, b]);
            }
        }

        var crews = Math.Max(1, (int)Math.Ceiling((double)n / request.AimSize));
        crews = Math.Min(crews, n / request.MinSize);
        crews = Math.Max(crews, (int)Math.Ceiling((double)n / request.MaxSize));
        var problem = new PartitionProblem(n, weights, Enumerable.Repeat(request.MinSize, crews).ToArray(), Enumerable.Repeat(request.MaxSize, crews).ToArray());
        var partition = PartitionSearch.Run(problem, options with { StallIterations = Math.Min(options.StallIterations, PartitionSearch.DefaultStall(n)) }, cancellation: cancellation);

        var groups = partition.Groups(crews).Select(g => g.ToList()).ToList();
        var waiting = new List<int>();
        foreach (var g in groups)
        {
            Repair(g, people, ratherNot, waiting);
        }
        // Crews that fell below the minimum give their members back for placing elsewhere.
        foreach (var g in groups.Where(g => g.Count < request.MinSize).ToList())
        {
            waiting.AddRange(g);
            groups.Remove(g);
        }
        foreach (var p in waiting.OrderBy(p => people[p].Slots.Count))
        {
            var home = groups
                .Where(g => g.Count < request.MaxSize && g.All(q => !ratherNot[p, q]) && Shared(g.Append(p), people).Count > 0)
                .OrderByDescending(g => g.Sum(q => weights[p * n + q]))
                .FirstOrDefault();
            if (home is not null)
            {
                home.Add(p);
            }
            else
            {
                unplaced.Add(new(people[p].Id, UnplacedKind.NoCrewCouldTakeThem, NoCrewCouldTakeThem));
            }
        }
        var formed = groups.Select(g =>
        {
            var (slots, interests) = InCommon([.. g.Select(p => people[p])]);
            return new FormedCrew(g.Select(p => people[p].Id).ToArray(), slots, interests,
                g.Sum(a => g.Count(b => a < b && want[a, b] + want[b, a] == 2)));
        }).ToArray();
        return new CrewFormationResult(formed, unplaced);
    }

    /// <summary>
    /// What a crew's members have in common: the weekly hours all of them are free and the interests all of them
    /// gave, each in order. The search describes its crews with it, and so does a host's change of members
    /// afterwards, so a proposed crew's figures mean one thing however the crew came about.
    /// </summary>
    public static (IReadOnlyList<int> SharedSlots, IReadOnlyList<string> CommonInterests) InCommon(IReadOnlyList<Participant> members) =>
        members.Count == 0 ? ([], [])
            : (members.Select(m => (IEnumerable<int>)m.Slots).Aggregate((x, y) => x.Intersect(y)).Order().ToArray(),
               members.Select(m => (IEnumerable<string>)m.Interests).Aggregate((x, y) => x.Intersect(y)).Order(StringComparer.Ordinal).ToArray());

    /// <summary>
    /// Wanting each other counts most (a mutual want more than twice a one-sided one), then shared interests, then
    /// how many hours two people share (more shared hours, an easier crew to schedule).
    /// </summary>
    private static double Compatibility(Participant a, Participant b, int wants, bool ratherNot)
    {
        if (ratherNot)
        {
            return Forbidden;
        }
        var hours = a.Slots.Count(b.Slots.Contains);
        if (hours == 0)
        {
            return NoCommonHour;
        }
        var interests = a.Interests.Count(b.Interests.Contains);
        return (wants == 2 ? 8 : wants * 3) + Math.Min(interests, 4) + 0.1 * Math.Min(hours, 10);
    }

    /// <summary>Makes a crew keep every rule: removes whoever breaks a "rather not", then whoever misses the best-shared hour.</summary>
    private static void Repair(List<int> crew, List<Participant> people, bool[,] ratherNot, List<int> waiting)
    {
        while (true)
        {
            var clashing = crew.Where(a => crew.Any(b => ratherNot[a, b])).ToList();
            if (clashing.Count == 0)
            {
                break;
            }
            var worst = clashing.OrderByDescending(a => crew.Count(b => ratherNot[a, b])).First();
            crew.Remove(worst);
            waiting.Add(worst);
        }
        if (crew.Count == 0 || Shared(crew, people).Count > 0)
        {
            return;
        }
        var best = crew.SelectMany(p => people[p].Slots).GroupBy(s => s).OrderByDescending(s => s.Count()).ThenBy(s => s.Key).First().Key;
        foreach (var p in crew.Where(p => !people[p].Slots.Contains(best)).ToList())
        {
            crew.Remove(p);
            waiting.Add(p);
        }
    }

    private static List<int> Shared(IEnumerable<int> crew, List<Participant> people)
    {
        IEnumerable<int>? common = null;
        foreach (var p in crew)
        {
            common = common is null ? people[p].Slots : common.Intersect(people[p].Slots);
        }
        return common?.Order().ToList() ?? [];
    }

    /// <summary>
    /// Why someone the search had room to consider ends up in no crew. One reason for every case (no crew shares
    /// an hour with them, the crews that do are full, or a "rather not" keeps them out): a host reads it beside
    /// the crews, and "because of someone's preferences" said of one person, with a few crews in view, tells who
    /// gave a "rather not" or whom it was about. More hours is the one thing the person can do in every case.
    /// </summary>
    public const string NoCrewCouldTakeThem = "no proposed crew could take them this time; more free hours give the search more crews to choose from";
}
