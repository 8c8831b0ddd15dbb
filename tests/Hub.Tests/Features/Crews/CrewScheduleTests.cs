using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Crews;

namespace Microsolidarity.Hub.Tests.Features.Crews;

public sealed class CrewScheduleTests
{
    [Fact]
    public void Plan_AcrossDaylightSavingChange_KeepsLocalTimeAndRotatesHostAndFocus()
    {
        Assert.True(CrewSchedule.TryFindZone("Europe/Lisbon", out var lisbon));
        var crew = new Crew { Id = Guid.NewGuid(), MeetingsPerTerm = 6, Cadence = CrewCadence.Weekly, SlotTime = new TimeOnly(19, 0), Term = 1 };
        // Portugal moves its clocks forward on Sunday 28 March 2027.
        var meetings = CrewSchedule.Plan(crew, new DateOnly(2027, 3, 16), ["a", "b", "c", "d"], lisbon);
        Assert.Equal(6, meetings.Count);
        Assert.Equal(new DateTime(2027, 3, 16, 19, 0, 0, DateTimeKind.Utc), meetings[0].StartsAt);
        Assert.Equal(new DateTime(2027, 3, 23, 19, 0, 0, DateTimeKind.Utc), meetings[1].StartsAt);
        Assert.Equal(new DateTime(2027, 3, 30, 18, 0, 0, DateTimeKind.Utc), meetings[2].StartsAt); // 19:00 summer time
        Assert.Equal(["a", "b", "c", "d", "a", "b"], meetings.Select(m => m.HostUserId));
        Assert.Equal(["b", "c", "d", "a", "b", "c"], meetings.Select(m => m.FocusUserId));
        Assert.All(meetings, m => Assert.NotEqual(m.HostUserId, m.FocusUserId));
    }

    [Fact]
    public void Plan_Fortnightly_SpacesMeetingsTwoWeeksApart()
    {
        Assert.True(CrewSchedule.TryFindZone("America/Toronto", out var toronto));
        var crew = new Crew { Id = Guid.NewGuid(), MeetingsPerTerm = 3, Cadence = CrewCadence.Fortnightly, SlotTime = new TimeOnly(8, 30), Term = 2 };
        var meetings = CrewSchedule.Plan(crew, new DateOnly(2027, 1, 5), ["a", "b", "c"], toronto);
        Assert.Equal([new DateTime(2027, 1, 5, 13, 30, 0, DateTimeKind.Utc), new DateTime(2027, 1, 19, 13, 30, 0, DateTimeKind.Utc), new DateTime(2027, 2, 2, 13, 30, 0, DateTimeKind.Utc)],
            meetings.Select(m => m.StartsAt));
        Assert.All(meetings, m => Assert.Equal(2, m.Term));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void TryFindZone_UnknownZone_IsFalse(string zone) => Assert.False(CrewSchedule.TryFindZone(zone, out _));
}
