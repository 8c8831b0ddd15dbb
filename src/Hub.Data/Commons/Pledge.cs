namespace Microsolidarity.Hub.Data.Commons;

/// <summary>A member's promise to contribute, monthly or once. Payments against it are ledger entries.</summary>
public class Pledge
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string Currency { get; set; } = "";
    public long AmountMinor { get; set; }
    public bool Monthly { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// What the member writes on a bank transfer ("MSH-7K2Q-9F"), so treasurers can tell whose money
    /// arrived. Unique; null only for pledges made before references existed, until the start after the upgrade fills it.
    /// </summary>
    public string? Reference { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>For a monthly pledge: the end of the last month paid for.</summary>
    public DateTime? PaidThrough { get; set; }

    /// <summary>
    /// True when this pledge made the person a network member (it set HubUser.NetworkMemberSince), so
    /// a lapse clears only what the commons gave, never a membership a host granted by hand.
    /// </summary>
    public bool GrantsMembership { get; set; }
}
