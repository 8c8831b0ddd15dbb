namespace Microsolidarity.Grouping.Tests.Gatherings;

public sealed class FormGatheringCrewsTests
{
    [Fact]
    public void Run_FourCongregationsOfFive_EveryCrewMixesAllFour()
    {
        var attendees = Enumerable.Range(0, 20)
            .Select(i => new Attendee($"attendee-{i}", $"congregation-{i / 5}", Newcomer: i % 5 == 0))
            .ToArray();
        var crews = FormGatheringCrews.Run(attendees, size: 4, new SearchOptions { MaxIterations = 5_000, TimeLimit = TimeSpan.FromMinutes(1) });
        var byId = attendees.ToDictionary(a => a.Id);
        Assert.Equal(5, crews.Count);
        Assert.Equal(20, crews.SelectMany(c => c).Distinct().Count());
        Assert.All(crews, c => Assert.Equal(4, c.Select(id => byId[id].Congregation).Distinct().Count()));
        Assert.All(crews, c => Assert.True(c.Count(id => byId[id].Newcomer) <= 1));
    }

    [Fact]
    public void Run_UnevenNumbers_SizesDifferByOne()
    {
        var attendees = Enumerable.Range(0, 23).Select(i => new Attendee($"attendee-{i}", $"congregation-{i % 3}", false)).ToArray();
        var crews = FormGatheringCrews.Run(attendees, size: 5, new SearchOptions { MaxIterations = 1_000, TimeLimit = TimeSpan.FromMinutes(1) });
        Assert.Equal(23, crews.Sum(c => c.Count));
        Assert.True(crews.Max(c => c.Count) - crews.Min(c => c.Count) <= 1);
    }
}

public sealed class GatheringCrewsRequestTests
{
    private static readonly SearchOptions Quick = new() { MaxIterations = 5_000, TimeLimit = TimeSpan.FromMinutes(1) };

    private static Attendee[] People(int n, Func<int, bool>? newcomer = null) =>
        [.. Enumerable.Range(0, n).Select(i => new Attendee($"p{i}", "riverside", newcomer?.Invoke(i) ?? false))];

    [Fact]
    public void Run_RatherNots_NeverShareACrew()
    {
        var attendees = People(20);
        // Person 0 would rather not sit with 1 to 9, and a few more pairs elsewhere: still room to keep all apart.
        var ratherNot = Enumerable.Range(1, 9).Select(i => ("p0", $"p{i}")).Concat([("p12", "p13"), ("p14", "p12"), ("p15", "p16")]).ToArray();
        var result = FormGatheringCrews.Run(new GatheringCrewsRequest(attendees) { Size = 4, RatherNot = ratherNot }, Quick);
        Assert.Equal(0, result.RatherNotsTogether);
        var crewOf = result.Crews.SelectMany((c, i) => c.Select(id => (id, i))).ToDictionary(x => x.id, x => x.i);
        Assert.All(ratherNot, pair => Assert.NotEqual(crewOf[pair.Item1], crewOf[pair.Item2]));
        Assert.Equal(5, result.Crews.Count);
        Assert.All(result.Crews, c => Assert.Equal(4, c.Count));
    }

    [Fact]
    public void Run_PeopleWhoMetBefore_AreMixedWithOthers()
    {
        // Four crews of three met before (0-2, 3-5, 6-8, 9-11); each of the gathering's three crews of four can
        // hold one person of every earlier crew, so no pair meets again.
        var attendees = People(12);
        var met = Enumerable.Range(0, 4).SelectMany(g => new[] { (0, 1), (0, 2), (1, 2) }.Select(x => ($"p{g * 3 + x.Item1}", $"p{g * 3 + x.Item2}")))
            .ToArray();
        var result = FormGatheringCrews.Run(new GatheringCrewsRequest(attendees) { Size = 4, Met = met }, Quick);
        Assert.Equal(0, result.MetPairsTogether);
        Assert.Equal(3, result.Crews.Count);
    }

    [Fact]
    public void Run_Newcomers_AreSpreadAcrossCrews()
    {
        var attendees = People(15, i => i < 5); // five first-timers among fifteen
        var result = FormGatheringCrews.Run(new GatheringCrewsRequest(attendees) { Size = 5 }, Quick);
        var newcomers = attendees.Where(a => a.Newcomer).Select(a => a.Id).ToHashSet();
        Assert.Equal(3, result.Crews.Count);
        Assert.All(result.Crews, c => Assert.InRange(c.Count(newcomers.Contains), 1, 2));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void Run_ChosenSize_EveryCrewIsNearIt(int size)
    {
        var result = FormGatheringCrews.Run(new GatheringCrewsRequest(People(25)) { Size = size }, Quick);
        Assert.Equal(25, result.Crews.Sum(c => c.Count));
        Assert.All(result.Crews, c => Assert.InRange(c.Count, size - 1, size + 1));
        Assert.True(result.Crews.Max(c => c.Count) - result.Crews.Min(c => c.Count) <= 1);
    }

    [Fact]
    public void Run_OneCrewForEveryone_CountsTheRatherNotItCouldNotKeep()
    {
        var result = FormGatheringCrews.Run(new GatheringCrewsRequest(People(4)) { Size = 5, RatherNot = [("p0", "p1"), ("p2", "nobody-here")] }, Quick);
        Assert.Single(result.Crews);
        Assert.Equal(1, result.RatherNotsTogether);
    }

    [Fact]
    public void Run_SameSeed_SameCrews()
    {
        var request = new GatheringCrewsRequest(People(18, i => i % 4 == 0)) { Size = 4, RatherNot = [("p1", "p2")] };
        var first = FormGatheringCrews.Run(request, Quick with { Seed = 7 });
        var second = FormGatheringCrews.Run(request, Quick with { Seed = 7 });
        Assert.Equal(first.Crews.Select(c => string.Join(",", c)), second.Crews.Select(c => string.Join(",", c)));
    }
}
