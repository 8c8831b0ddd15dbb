using System.Text.RegularExpressions;

namespace Microsolidarity.Grouping.Tests.Schedules;

public sealed partial class ScheduleCheckerTests
{
    /// <summary>CSPLib's published 32-golfer schedule: 9 weeks of 8 groups of 4, people numbered from 1.</summary>
    private static Schedule Csplib849()
    {
        var text = File.ReadAllText(TestCorpus.Path("grouping", "sgp", "csplib-8-4-9.txt"));
        var rounds = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(week => Group().Matches(week)
                .Select(m => m.Groups[1].Value.Split(',').Select(x => int.Parse(x.Trim()) - 1).ToArray())
                .ToArray())
            .Where(r => r.Length > 0)
            .ToArray();
        return new Schedule(32, rounds);
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Group();

    [Fact]
    public void Problems_PublishedCsplibSchedule_NoneAndNoRepeats()
    {
        var schedule = Csplib849();
        Assert.Equal(9, schedule.Rounds.Length);
        Assert.Empty(ScheduleChecker.Problems(schedule, ScheduleRequest.Uniform(32, 4, 9)));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule));
        Assert.Equal(1, ScheduleChecker.MostMeetings(schedule));
    }

    [Fact]
    public void RepeatPairs_TwoPeopleSwappedInOneWeek_RepeatsFound()
    {
        var schedule = Csplib849();
        var week = schedule.Rounds[8];
        (week[0][0], week[1][0]) = (week[1][0], week[0][0]);
        Assert.True(ScheduleChecker.RepeatPairs(schedule) > 0);
        Assert.Empty(ScheduleChecker.Problems(schedule, ScheduleRequest.Uniform(32, 4, 9)));
    }

    [Fact]
    public void Problems_PersonTwiceAbsentPlacedAndKeptApartTogether_AllReported()
    {
        var schedule = new Schedule(4, [[[0, 1], [2, 3]], [[0, 1], [1, 3]]]);
        var request = new ScheduleRequest(4, [2, 2])
        {
            Absences = [(1, 3)],
            KeepApart = [new Pair(0, 1)],
        };
        var problems = ScheduleChecker.Problems(schedule, request);
        Assert.Contains(problems, p => p.Contains("placed 2 times"));
        Assert.Contains(problems, p => p.Contains("absent but placed"));
        Assert.Contains(problems, p => p.Contains("kept apart"));
        Assert.Contains(problems, p => p.Contains("person 2 is placed 0 times"));
    }

    [Fact]
    public void RepeatPairs_MeetingAnEarlierPartner_CountsAsRepeat()
    {
        var schedule = new Schedule(4, [[[0, 1], [2, 3]]]);
        Assert.Equal(1, ScheduleChecker.RepeatPairs(schedule, [new Pair(1, 0)]));
        Assert.Equal(0, ScheduleChecker.RepeatPairs(schedule, [new Pair(0, 2)]));
    }
}
