using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>One person belonging to one congregation, at a level, perhaps as one of its hosts.</summary>
public class Membership
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public Congregation Congregation { get; set; } = null!;
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public Guid LevelId { get; set; }
    public MembershipLevel Level { get; set; } = null!;

    /// <summary>Hosts hold the space: they invite, answer requests and tend the whole. Never host alone.</summary>
    public bool IsHost { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>One of the (ideally two) people members raise a concern with; named by the hosts.</summary>
    public bool IsCareContact { get; set; }

    /// <summary>When they last accepted the congregation's agreements; older than the current version asks them again.</summary>
    public DateTime? AgreementsAcceptedAt { get; set; }
}
