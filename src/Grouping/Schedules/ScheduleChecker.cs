namespace Microsolidarity.Grouping;

/// <summary>
/// Independent of the builder, so a bug in the search cannot hide in its own bookkeeping: counts repeated
/// pairs and lists every broken rule of a schedule.
/// </summary>
public static class ScheduleChecker
{
    /// <summary>
    /// Meetings of a pair that had already met, in the schedule or in the history: a pair meeting three times
    /// counts two.
    /// </summary>
    public static int RepeatPairs(Schedule schedule, IEnumerable<Pair>? history = null)
    {
        var n = schedule.People;
        var met = new int[n * n];
        var before = new int[n * n];
        foreach (var p in history ?? [])
        {
            before[p.A * n + p.B]++;
        }
        foreach (var round in schedule.Rounds)
        {
            foreach (var group in round)
            {
                for (var i = 0; i < group.Length; i++)
                {
                    for (var j = i + 1; j < group.Length; j++)
                    {
                        var (a, b) = group[i] < group[j] ? (group[i], group[j]) : (group[j], group[i]);
                        met[a * n + b]++;
                    }
                }
            }
        }
        var repeats = 0;
        for (var k = 0; k < met.Length; k++)
        {
            if (met[k] > 0)
            {
                repeats += met[k] - (before[k] > 0 ? 0 : 1);
            }
        }
        return repeats;
    }

    /// <summary>Most times any one pair meets in the schedule (3 means someone met the same person three times).</summary>
    public static int MostMeetings(Schedule schedule)
    {
        var counts = new Dictionary<Pair, int>();
        var most = 0;
        foreach (var group in schedule.Rounds.SelectMany(r => r))
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    var pair = new Pair(group[i], group[j]);
                    var c = counts[pair] = counts.GetValueOrDefault(pair) + 1;
                    most = Math.Max(most, c);
                }
            }
        }
        return most;
    }

    /// <summary>Every rule the schedule breaks, in plain words; empty when it keeps them all.</summary>
    public static IReadOnlyList<string> Problems(Schedule schedule, ScheduleRequest request)
    {
        var problems = new List<string>();
        if (schedule.Rounds.Length != request.Rounds)
        {
            problems.Add($"{schedule.Rounds.Length} rounds, {request.Rounds} asked for.");
            return problems;
        }
        var absent = request.AbsenceTable();
        var apart = request.KeepApart.ToHashSet();
        for (var r = 0; r < request.Rounds; r++)
        {
            var seen = new int[request.People];
            var sizes = request.SizesOfRound(r, absent);
            var lo = sizes.Length == 0 ? 0 : sizes.Min();
            var hi = sizes.Length == 0 ? 0 : sizes.Max();
            foreach (var group in schedule.Rounds[r])
            {
                if (group.Length < lo || group.Length > hi)
                {
                    problems.Add($"Round {r}: a group of {group.Length}, sizes should be {lo} to {hi}.");
                }
                foreach (var p in group)
                {
                    if (p < 0 || p >= request.People)
                    {
                        problems.Add($"Round {r}: unknown person {p}.");
                        continue;
                    }
                    seen[p]++;
                    if (absent[r, p])
                    {
                        problems.Add($"Round {r}: person {p} is absent but placed.");
                    }
                }
                for (var i = 0; i < group.Length; i++)
                {
                    for (var j = i + 1; j < group.Length; j++)
                    {
                        if (group[i] != group[j] && apart.Contains(new Pair(group[i], group[j])))
                        {
                            problems.Add($"Round {r}: {group[i]} and {group[j]} are to be kept apart but share a group.");
                        }
                    }
                }
            }
            for (var p = 0; p < request.People; p++)
            {
                if (!absent[r, p] && seen[p] != 1)
                {
                    problems.Add($"Round {r}: person {p} is placed {seen[p]} times.");
                }
            }
        }
        return problems;
    }
}
