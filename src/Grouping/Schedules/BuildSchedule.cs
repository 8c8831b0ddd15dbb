namespace Microsolidarity.Grouping;

/// <summary>
/// Makes a breakout schedule: a construction where a design fits (everyone present, equal groups), the greedy
/// elsewhere, then the tabu search until no pair repeats or the budget is spent.
/// </summary>
public static class BuildSchedule
{
    /// <param name="useConstructions">False runs the greedy and the search alone: how benchmarks show what search achieves by itself.</param>
    public static Schedule Run(ScheduleRequest request, SearchOptions? options = null, bool useConstructions = true, CancellationToken cancellation = default)
    {
        options ??= new SearchOptions();
        cancellation.ThrowIfCancellationRequested();
        var absent = request.AbsenceTable();
        var start = new int[request.Rounds][][];
        var methods = new SortedSet<string>();

        // Rounds of the same size share one construction, taken in order, so their rounds never repeat a pair.
        var complete = Enumerable.Range(0, request.Rounds)
            .Where(r => Enumerable.Range(0, request.People).All(p => !absent[r, p]) && request.People % request.GroupSizes[r] == 0)
            .GroupBy(r => request.GroupSizes[r]);
        foreach (var bySize in complete.Where(_ => useConstructions))
        {
            var rounds = bySize.ToArray();
            if (ScheduleConstructions.Find(request.People, bySize.Key, rounds.Length, cancellation) is { } design)
            {
                for (var i = 0; i < rounds.Length; i++)
                {
                    start[rounds[i]] = design.Rounds[i];
                }
                methods.Add(design.Method);
            }
        }
        var constructed = start.All(r => r is not null);
        var initial = InitialSchedules.Greedy(request, options.Seed, start);
        if (!constructed)
        {
            methods.Add("greedy");
        }
        if (constructed && request.KeepApart.Count == 0 && request.History.Count == 0 && methods.Count == 1)
        {
            return new Schedule(request.People, Sorted(initial)) { Method = methods.Single() };
        }
        var search = new ScheduleSearch(request, initial);
        if (search.Cost == 0)
        {
            return new Schedule(request.People, Sorted(initial)) { Method = string.Join(" + ", methods) };
        }
        var improved = search.Run(options, cancellation);
        methods.Add("tabu search");
        return new Schedule(request.People, Sorted(improved)) { Method = string.Join(" + ", methods) };
    }

    private static int[][][] Sorted(int[][][] rounds) =>
        rounds.Select(r => r.Select(g => g.Order().ToArray()).OrderBy(g => g.Length == 0 ? int.MaxValue : g[0]).ToArray()).ToArray();
}
