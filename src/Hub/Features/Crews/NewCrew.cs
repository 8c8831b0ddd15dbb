using Microsolidarity.Hub.Data.Crews;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// A crew as it begins: forming, with its caller joined in the first place. Calling a crew adds the
/// people invited; a formation round adds the people who consented, joined at once. Both start crews
/// here so that a crew is the same whichever way it began.
/// </summary>
public static class NewCrew
{
    public static Crew Forming(string name, string purpose, Guid? congregationId, string callerId, CrewCadence cadence, int meetings,
        DayOfWeek slotDay, TimeOnly slotTime, string timeZone, DateTime now)
    {
        var crew = new Crew
        {
            Id = Guid.NewGuid(),
            Name = name,
            Purpose = purpose,
            CongregationId = congregationId,
            CallerUserId = callerId,
            MeetingsPerTerm = meetings,
            Cadence = cadence,
            SlotDay = slotDay,
            SlotTime = slotTime,
            TimeZone = timeZone,
            Stage = CrewStage.Forming,
            JoinedCount = 1,
            CreatedAt = now,
        };
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crew.Id, UserId = callerId, Status = CrewMemberStatus.Joined, Position = 0, InvitedAt = now, JoinedAt = now });
        return crew;
    }

    /// <summary>Someone asked to join, who answers on the crew's page.</summary>
    public static void Invite(Crew crew, string userId, DateTime now) =>
        crew.Members.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = crew.Id, UserId = userId, Status = CrewMemberStatus.Invited, InvitedAt = now });

    /// <summary>Someone who has already said yes (in a formation round), in the next place.</summary>
    public static void Join(Crew crew, string userId, DateTime now)
    {
        crew.Members.Add(new CrewMember
        {
            Id = Guid.NewGuid(),
            CrewId = crew.Id,
            UserId = userId,
            Status = CrewMemberStatus.Joined,
            Position = crew.Members.Count,
            InvitedAt = now,
            JoinedAt = now,
        });
        crew.JoinedCount++;
    }
}
