namespace Microsolidarity.Grouping.Tests.Pairs;

public sealed class RotatePairsTests
{
    private static readonly SearchOptions Quick = new() { MaxIterations = 3_000, TimeLimit = TimeSpan.FromMinutes(1) };

    [Theory]
    [InlineData(5, 5)]
    [InlineData(9, 9)]
    [InlineData(10, 9)]
    public void Run_EveryonePresent_RepeatFreeAsLongAsPossible(int people, int rounds)
    {
        var rotation = RotatePairs.Run(new PairRotationRequest(people, rounds), Quick);
        Assert.Equal(0, ScheduleChecker.RepeatPairs(rotation.AsSchedule()));
        AssertEveryonePairedOrResting(rotation, _ => true);
    }

    [Fact]
    public void Run_OddNumber_RestTakenInTurn()
    {
        var rotation = RotatePairs.Run(new PairRotationRequest(7, 7), Quick);
        var resters = rotation.Resting.SelectMany(r => r).ToArray();
        Assert.Equal(7, resters.Distinct().Count());
    }

    [Fact]
    public void Run_AbsencesOptOutsAndHistory_Respected()
    {
        var request = new PairRotationRequest(12, 6)
        {
            Absences = [(0, 3), (1, 3), (2, 7), (4, 0), (4, 1)],
            OptedOut = [11],
            History = [new Pair(0, 1), new Pair(2, 4), new Pair(5, 6)],
        };
        var rotation = RotatePairs.Run(request, Quick);
        var away = request.Absences.ToHashSet();
        for (var r = 0; r < request.Rounds; r++)
        {
            var placed = rotation.Rounds[r].SelectMany(g => g).ToArray();
            Assert.All(rotation.Rounds[r], g => Assert.Equal(2, g.Length));
            Assert.DoesNotContain(11, placed);
            Assert.DoesNotContain(placed, p => away.Contains((r, p)));
            Assert.Equal(placed.Length, placed.Distinct().Count());
        }
        AssertEveryonePairedOrResting(rotation, p => p != 11);
        Assert.Equal(0, ScheduleChecker.RepeatPairs(rotation.AsSchedule(), request.History));
    }

    [Fact]
    public void Run_MoreRoundsThanPartners_RepeatsOnlyWhenForced()
    {
        var rotation = RotatePairs.Run(new PairRotationRequest(4, 5), Quick);
        // 4 people have 3 partners each: rounds 4 and 5 must repeat, once per pair each.
        Assert.Equal(4, ScheduleChecker.RepeatPairs(rotation.AsSchedule()));
        Assert.True(ScheduleChecker.MostMeetings(rotation.AsSchedule()) <= 2);
    }

    private static void AssertEveryonePairedOrResting(PairRotation rotation, Func<int, bool> takesPart)
    {
        for (var r = 0; r < rotation.Rounds.Length; r++)
        {
            var seen = rotation.Rounds[r].SelectMany(g => g).Concat(rotation.Resting[r]).ToArray();
            Assert.Equal(seen.Length, seen.Distinct().Count());
            Assert.True(rotation.Resting[r].Length <= 1);
        }
        _ = takesPart;
    }
}
