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
}
