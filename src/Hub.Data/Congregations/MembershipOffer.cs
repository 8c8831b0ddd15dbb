using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Congregations;

public enum OfferKind
{
    /// <summary>To host the congregation with its hosts.</summary>
    Host = 0,

    /// <summary>To move to another level (<see cref="MembershipOffer.LevelId"/>).</summary>
    Level = 1,

    /// <summary>To become a member of the network (a Partner of the whole).</summary>
    NetworkMembership = 2,
}

public enum OfferStatus { Waiting = 0, Accepted = 1, Declined = 2, Withdrawn = 3 }

/// <summary>
/// A host's invitation to a member to take on more: to host, to move to a level, to join the network.
/// Nothing changes until the member accepts; they are free to decline. Taking something away is not an
/// offer (a host does it, with a reason).
/// </summary>
public class MembershipOffer
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public string OfferedByUserId { get; set; } = "";
    public OfferKind Kind { get; set; }
    public Guid? LevelId { get; set; }

    /// <summary>What the host wrote with the invitation; may be empty.</summary>
    public string Message { get; set; } = "";
    public OfferStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
