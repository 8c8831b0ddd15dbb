namespace Microsolidarity.Grouping.Tests.Pairs;

public sealed class IntroducePairsTests
{
    private static readonly SearchOptions Quick = new() { MaxIterations = 20_000, TimeLimit = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Twelve fortnights of a congregation of 40 opted-in members, a different few on pause each time. After at
    /// most 11 earlier rounds each person present has met at most 11 of the others, so the unmet pairs among the
    /// people present form a graph where everyone has more than half the others left to meet: by Dirac's theorem
    /// it holds a cycle through everyone, and so a grouping without any repeat exists every round (pairs along
    /// the cycle, one trio for an odd number). No pair may repeat, and nobody on pause may be introduced.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_TwelveRoundsOfFortyWithPauses_NoRepeatAndNoPausedPersonIntroduced(int seed)
    {
        const int members = 40;
        var random = new Random(seed);
        var history = new List<Pair>();
        for (var round = 0; round < 12; round++)
        {
            var paused = Enumerable.Range(0, members).OrderBy(_ => random.Next()).Take(random.Next(0, 6)).ToHashSet();
            var present = Enumerable.Range(0, members).Where(p => !paused.Contains(p)).ToArray();
            var local = history.Where(p => present.Contains(p.A) && present.Contains(p.B))
                .Select(p => new Pair(Array.IndexOf(present, p.A), Array.IndexOf(present, p.B))).ToList();
            var made = IntroducePairs.Run(new IntroductionRequest(present.Length)
            {
                History = local,
                SharedHours = (a, b) => (present[a] * 7 + present[b] * 3) % 5,
            }, Quick with { Seed = seed * 100 + round });
            var groups = made.Groups.Select(g => g.Select(i => present[i]).ToArray()).ToArray();

            var introduced = groups.SelectMany(g => g).ToArray();
            Assert.DoesNotContain(introduced, paused.Contains);
            Assert.Equal(present.Order(), introduced.Order());
            Assert.All(groups, g => Assert.InRange(g.Length, 2, 3));
            Assert.Equal(present.Length % 2, groups.Count(g => g.Length == 3));
            var pairs = groups.SelectMany(IntroducePairs.PairsOf).ToList();
            Assert.DoesNotContain(pairs, history.Contains);
            Assert.Equal(0, made.Repeats);
            history.AddRange(pairs);
        }
    }

    /// <summary>
    /// A small group runs out of new people: six over eight rounds, one of them on pause now and then. A pair
    /// may repeat only in a round where every possible grouping of the people present repeats some pair.
    /// </summary>
    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void Run_SmallGroupOverManyRounds_RepeatsOnlyWhenEveryGroupingWould(int members)
    {
        var history = new List<Pair>();
        var forced = 0;
        for (var round = 0; round < 8; round++)
        {
            var present = Enumerable.Range(0, members).Where(p => round % 3 != 2 || p != round % members).ToArray();
            var local = history.Where(p => present.Contains(p.A) && present.Contains(p.B))
                .Select(p => new Pair(Array.IndexOf(present, p.A), Array.IndexOf(present, p.B))).ToList();
            var made = IntroducePairs.Run(new IntroductionRequest(present.Length) { History = local }, Quick with { Seed = round });
            var groups = made.Groups.Select(g => g.Select(i => present[i]).ToArray()).ToArray();
            var pairs = groups.SelectMany(IntroducePairs.PairsOf).ToList();
            var repeated = pairs.Count(history.Contains);
            Assert.Equal(repeated, made.Repeats);
            if (repeated > 0)
            {
                Assert.False(RepeatFreeGroupingExists([.. present], history.ToHashSet()), $"round {round} repeated a pair that did not need to");
                forced++;
            }
            history.AddRange(pairs);
        }
        Assert.True(forced > 0, "eight rounds of six or seven people must run out of new pairs");
    }

    [Fact]
    public void Run_SharedHours_PreferredWhenNoRepeatIsAdded()
    {
        // 0 and 1 share many hours, as do 2 and 3; nobody has met: the pairing follows the hours.
        var hours = new Dictionary<Pair, int> { [new Pair(0, 1)] = 10, [new Pair(2, 3)] = 8 };
        var made = IntroducePairs.Run(new IntroductionRequest(4) { SharedHours = (a, b) => hours.GetValueOrDefault(new Pair(a, b)) }, Quick);
        Assert.Equal([[0, 1], [2, 3]], made.Groups);

        // Once 0 and 1 have met, hours no longer bring them together.
        var again = IntroducePairs.Run(new IntroductionRequest(4)
        {
            History = [new Pair(0, 1)],
            SharedHours = (a, b) => hours.GetValueOrDefault(new Pair(a, b)),
        }, Quick);
        Assert.DoesNotContain(again.Groups, g => g.SequenceEqual([0, 1]));
        Assert.Equal(0, again.Repeats);
    }

    [Fact]
    public void Run_OneOrNobody_NoGroups()
    {
        Assert.Empty(IntroducePairs.Run(new IntroductionRequest(1)).Groups);
        Assert.Empty(IntroducePairs.Run(new IntroductionRequest(0)).Groups);
        Assert.Equal([[0, 1, 2]], IntroducePairs.Run(new IntroductionRequest(3), Quick).Groups);
    }

    /// <summary>Tries every way to split the people into pairs (and one trio for an odd number).</summary>
    private static bool RepeatFreeGroupingExists(List<int> people, HashSet<Pair> met)
    {
        if (people.Count < 2)
        {
            return people.Count == 0;
        }
        var first = people[0];
        var rest = people.Skip(1).ToList();
        foreach (var second in rest.Where(x => !met.Contains(new Pair(first, x))))
        {
            var after = rest.Where(x => x != second).ToList();
            if (RepeatFreeGroupingExists(after, met))
            {
                return true;
            }
            if (people.Count % 2 == 1)
            {
                foreach (var third in after.Where(x => !met.Contains(new Pair(first, x)) && !met.Contains(new Pair(second, x))))
                {
                    if (RepeatFreeGroupingExists([.. after.Where(x => x != third)], met))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
