namespace Microsolidarity.Grouping.Tests.Schedules;

public sealed class ScheduleConstructionsTests
{
    [Theory]
    [InlineData(15, 3, 7)]   // Kirkman's schoolgirls
    [InlineData(21, 3, 10)]  // Kirkman triple system
    [InlineData(30, 3, 14)]  // nearly Kirkman
    [InlineData(60, 3, 29)]  // nearly Kirkman
    [InlineData(16, 4, 5)]   // affine plane over GF(4)
    [InlineData(25, 5, 6)]   // affine plane over GF(5)
    [InlineData(49, 7, 8)]   // affine plane over GF(7)
    [InlineData(24, 4, 7)]
    [InlineData(28, 4, 9)]
    [InlineData(30, 5, 6)]
    [InlineData(36, 6, 3)]
    [InlineData(50, 5, 9)]
    [InlineData(40, 4, 13)]  // 1-rotational resolvable design
    [InlineData(40, 4, 10)]
    [InlineData(32, 4, 10)]  // Z2^3-invariant resolvable group divisible design
    [InlineData(32, 4, 9)]   // fewer rounds: a prefix of the same design
    [InlineData(100, 5, 21)] // two-way cyclic design plus a round of cosets
    [InlineData(100, 5, 13)] // fewer rounds: a prefix of the same design
    public void Run_ConstructionInstance_ZeroRepeats(int people, int size, int rounds)
    {
        var request = ScheduleRequest.Uniform(people, size, rounds);
        var schedule = BuildSchedule.Run(request, new SearchOptions { MaxIterations = 1 });
        Assert.Empty(ScheduleChecker.Problems(schedule, request));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.DoesNotContain("search", schedule.Method);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(30)]
    public void Run_PairsForTwoG_TwoGMinusOneRoundsWithoutRepeats(int g)
    {
        var request = ScheduleRequest.Uniform(2 * g, 2, 2 * g - 1);
        var schedule = BuildSchedule.Run(request, new SearchOptions { MaxIterations = 1 });
        Assert.Empty(ScheduleChecker.Problems(schedule, request));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.Equal("circle method", schedule.Method);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    public void Rounds_AffinePlaneOverPrimePower_EveryPairExactlyOnce(int q)
    {
        var rounds = AffinePlane.Rounds(q * q, q)!;
        Assert.Equal(q + 1, rounds.Length);
        var schedule = new Schedule(q * q, rounds);
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.Equal(q * q * (q * q - 1) / 2, rounds.Sum(r => r.Sum(g => g.Length * (g.Length - 1) / 2)));
    }

    [Fact]
    public void Rounds_StoredBases_DevelopWithoutRepeats()
    {
        foreach (var (people, size) in KnownCyclicBases.All)
        {
            var rounds = KnownCyclicBases.Rounds(people, size)!;
            Assert.True(rounds.Length >= 7);
            Assert.Empty(ScheduleChecker.Problems(new Schedule(people, rounds), ScheduleRequest.Uniform(people, size, rounds.Length)));
            Assert.Equal(0, ScheduleChecker.RepeatPairs(new Schedule(people, rounds)));
        }
    }

    [Fact]
    public void Rounds_TwoWayCyclicDesign_TwentyOneRoundsOfTwentyFivesForOneHundred()
    {
        var rounds = TwoWayCyclicDesign.Rounds(100, 5)!;
        var schedule = new Schedule(100, rounds);
        Assert.Equal(21, rounds.Length);
        Assert.All(rounds, r => Assert.All(r, g => Assert.Equal(5, g.Length)));
        Assert.Empty(ScheduleChecker.Problems(schedule, ScheduleRequest.Uniform(100, 5, 21)));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.Equal(1, ScheduleChecker.MostMeetings(schedule));
        // Everyone meets 21 * 4 = 84 of the 99 others: the count that 21 repeat-free rounds must reach.
        Assert.Equal(100 * 84 / 2, rounds.Sum(r => r.Sum(g => g.Length * (g.Length - 1) / 2)));
    }

    [Fact]
    public void Rounds_TwoWayCyclicDesign_NothingStoredForOtherShapes() => Assert.Null(TwoWayCyclicDesign.Rounds(60, 5));

    [Fact]
    public void Rounds_TranslationInvariantDesign_TenRoundsOfEightFoursForThirtyTwo()
    {
        var rounds = TranslationInvariantDesign.Rounds(32, 4)!;
        var schedule = new Schedule(32, rounds);
        Assert.Equal(10, rounds.Length);
        Assert.All(rounds, r => Assert.Equal(8, r.Length));
        Assert.All(rounds, r => Assert.All(r, g => Assert.Equal(4, g.Length)));
        Assert.Empty(ScheduleChecker.Problems(schedule, ScheduleRequest.Uniform(32, 4, 10)));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.Equal(1, ScheduleChecker.MostMeetings(schedule));
        // 10 rounds of 3 partners: everyone meets 30 of the other 31, 32 * 30 / 2 = 480 pairs.
        Assert.Equal(480, rounds.Sum(r => r.Sum(g => g.Length * (g.Length - 1) / 2)));
    }

    [Fact]
    public void Rounds_TranslationInvariantDesign_PairsThatNeverMeetAreAPerfectMatching()
    {
        var rounds = TranslationInvariantDesign.Rounds(32, 4)!;
        var met = new bool[32, 32];
        foreach (var group in rounds.SelectMany(r => r))
        {
            foreach (var a in group)
            {
                foreach (var b in group)
                {
                    met[a, b] = true;
                }
            }
        }
        var unmet = Enumerable.Range(0, 32)
            .Select(a => Enumerable.Range(0, 32).Where(b => b != a && !met[a, b]).ToArray())
            .ToArray();
        // Everyone misses exactly one other, and missing is mutual: the 16 unmet pairs cover all 32 people once.
        Assert.All(unmet, u => Assert.Single(u));
        Assert.All(Enumerable.Range(0, 32), a => Assert.Equal(a, unmet[unmet[a][0]][0]));
        Assert.Equal(32, unmet.Select(u => u[0]).Distinct().Count());
    }

    [Fact]
    public void Rounds_TranslationInvariantDesign_NothingStoredForOtherShapes() => Assert.Null(TranslationInvariantDesign.Rounds(40, 4));

    [Theory]
    [InlineData(16, 4)]
    [InlineData(27, 3)]
    [InlineData(33, 3)]
    public void Rounds_OneRotationalSearch_EveryPairExactlyOnce(int people, int size)
    {
        var rounds = OneRotationalDesign.Rounds(people, size, (people - 1) / (size - 1))!;
        var schedule = new Schedule(people, rounds);
        Assert.Empty(ScheduleChecker.Problems(schedule, ScheduleRequest.Uniform(people, size, rounds.Length)));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.Equal(people * (people - 1) / 2, rounds.Sum(r => r.Sum(g => g.Length * (g.Length - 1) / 2)));
    }

    [Theory]
    [InlineData(15, 3, 7)]
    [InlineData(30, 3, 14)]
    [InlineData(32, 4, 9)]  // the search target for 8-4, now also a prefix of the stored 10-round design
    public void Rounds_CyclicSearchWithoutStoredBase_FindsTheKirkmanFamilyToo(int people, int size, int rounds)
    {
        var found = CyclicDesign.Rounds(people, size, rounds)!;
        Assert.Equal(0, ScheduleChecker.RepeatPairs(new Schedule(people, found[..rounds])));
    }

    [Fact]
    public void Rounds_NoAffinePlaneForSix_Null() => Assert.Null(AffinePlane.Rounds(36, 6));
}
