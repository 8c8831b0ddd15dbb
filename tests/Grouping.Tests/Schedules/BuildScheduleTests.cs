namespace Microsolidarity.Grouping.Tests.Schedules;

public sealed class BuildScheduleTests
{
    private static readonly SearchOptions Quick = new() { Seed = 7, MaxIterations = 3_000, TimeLimit = TimeSpan.FromMinutes(1) };

    /// <summary>Messy cohorts from a seed: a size ladder, people away, pairs kept apart, earlier meetings.</summary>
    private static ScheduleRequest Messy(int seed)
    {
        var rng = new Random(seed);
        var people = rng.Next(5, 40);
        var ladder = new[] { 2, 2, 3, 3, 4, 5, 6 };
        var sizes = Enumerable.Range(0, rng.Next(1, 8)).Select(_ => ladder[rng.Next(ladder.Length)]).ToArray();
        var absences = Enumerable.Range(0, rng.Next(people / 2))
            .Select(_ => (rng.Next(sizes.Length), rng.Next(people))).Distinct().ToArray();
        var apart = Enumerable.Range(0, rng.Next(4))
            .Select(_ => (A: rng.Next(people), B: rng.Next(people))).Where(p => p.A != p.B)
            .Select(p => new Pair(p.A, p.B)).Distinct().ToArray();
        var history = Enumerable.Range(0, rng.Next(people))
            .Select(_ => (A: rng.Next(people), B: rng.Next(people))).Where(p => p.A != p.B)
            .Select(p => new Pair(p.A, p.B)).ToArray();
        return new ScheduleRequest(people, sizes) { Absences = absences, KeepApart = apart, History = history };
    }

    [Fact]
    public void Run_MessyCohorts_EveryRuleKept()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var request = Messy(seed);
            var schedule = BuildSchedule.Run(request, Quick);
            Assert.True(ScheduleChecker.Problems(schedule, request) is { Count: 0 } ok, $"seed {seed}: {string.Join("; ", ScheduleChecker.Problems(schedule, request))}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(12)]
    public void Run_LadderEndingInTheFullCircle_LastCallIsOneGroupOfEveryone(int people)
    {
        // A practice program climbs 2, 3, then everyone: the last call's size equals the number of people.
        var request = new ScheduleRequest(people, [2, 3, people]);
        var schedule = BuildSchedule.Run(request, Quick);
        Assert.Empty(ScheduleChecker.Problems(schedule, request));
        Assert.Equal(Enumerable.Range(0, people), Assert.Single(schedule.Rounds[2]));
    }

    [Fact]
    public void Run_SameSeed_SameSchedule()
    {
        var request = Messy(3);
        var first = BuildSchedule.Run(request, Quick);
        var second = BuildSchedule.Run(request, Quick);
        Assert.Equal(Flatten(first), Flatten(second));
    }

    [Fact]
    public void Run_LadderOfSizes_NoRepeatsWhereRoomAllows()
    {
        // 24 people through pairs, threes and fives: 1 + 2 + 4 = 7 of 23 partners each, plenty of room.
        var request = new ScheduleRequest(24, [2, 2, 3, 3, 5]);
        var schedule = BuildSchedule.Run(request, Quick);
        Assert.Empty(ScheduleChecker.Problems(schedule, request));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
    }

    [Fact]
    public void Run_UnevenNumbers_GroupsDifferByOne()
    {
        var request = ScheduleRequest.Uniform(22, 4, 4);
        var schedule = BuildSchedule.Run(request, Quick);
        Assert.Empty(ScheduleChecker.Problems(schedule, request));
        Assert.All(schedule.Rounds, r => Assert.True(r.Max(g => g.Length) - r.Min(g => g.Length) <= 1));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
    }

    [Fact]
    public void Run_HistoryOfAllButOnePartner_MeetsTheNewOne()
    {
        // Four people; 0 already met 1 and 2: the one round of pairs must put 0 with 3.
        var request = new ScheduleRequest(4, [2]) { History = [new Pair(0, 1), new Pair(0, 2)] };
        var schedule = BuildSchedule.Run(request, Quick);
        Assert.Contains(schedule.Rounds[0], g => g.SequenceEqual([0, 3]));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule, request.History));
    }

    [Theory]
    [InlineData(8, 4, 4)]
    [InlineData(9, 3, 6)]
    [InlineData(12, 4, 6)]
    public void Run_MoreRoundsThanPartners_NobodyMeetsSomeoneThriceWhileOthersUnmet(int people, int size, int rounds)
    {
        var request = ScheduleRequest.Uniform(people, size, rounds);
        var schedule = BuildSchedule.Run(request, Quick);
        Assert.Empty(ScheduleChecker.Problems(schedule, request));
        var met = new int[people, people];
        foreach (var g in schedule.Rounds.SelectMany(r => r))
        {
            foreach (var a in g)
            {
                foreach (var b in g.Where(b => b != a))
                {
                    met[a, b]++;
                }
            }
        }
        for (var a = 0; a < people; a++)
        {
            var thrice = Enumerable.Range(0, people).Any(b => met[a, b] >= 3);
            var unmet = Enumerable.Range(0, people).Any(b => b != a && met[a, b] == 0);
            Assert.False(thrice && unmet, $"{a} meets someone three times but has not met everyone");
        }
    }

    [Fact]
    public void Run_SearchTarget8x4x9_NoRepeats()
    {
        var request = ScheduleRequest.Uniform(32, 4, 9);
        var schedule = BuildSchedule.Run(request, Quick);
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var request = ScheduleRequest.Uniform(32, 4, 10);
        Assert.ThrowsAny<OperationCanceledException>(() => BuildSchedule.Run(request, new SearchOptions(), cancellation: cancel.Token));
    }

    [Fact]
    public void Run_Searching_ReportsProgress()
    {
        var reports = new List<SearchProgress>();
        var request = ScheduleRequest.Uniform(12, 3, 6);
        BuildSchedule.Run(request, Quick with { Progress = new Collect(reports) });
        Assert.NotEmpty(reports);
    }

    private sealed class Collect(List<SearchProgress> into) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => into.Add(value);
    }

    private static string Flatten(Schedule s) => string.Join("|", s.Rounds.Select(r => string.Join(";", r.Select(g => string.Join(",", g)))));
}
