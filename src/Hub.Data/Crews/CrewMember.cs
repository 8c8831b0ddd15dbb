using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Crews;

/// <summary>Paused: stepped out at a retrospective but may come back when the crew forms a new term.</summary>
public enum CrewMemberStatus { Invited = 0, Joined = 1, Declined = 2, Left = 3, Paused = 4 }

/// <summary>A person invited to, in, or gone from a crew. Invitations can always be declined.</summary>
public class CrewMember
{
    public Guid Id { get; set; }
    public Guid CrewId { get; set; }
    public Crew Crew { get; set; } = null!;
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public CrewMemberStatus Status { get; set; }

    /// <summary>Order in the hosting rotation.</summary>
    public int Position { get; set; }

    public DateTime InvitedAt { get; set; }
    public DateTime? JoinedAt { get; set; }
    public DateTime? LeftAt { get; set; }
}
