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
