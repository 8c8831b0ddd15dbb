using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Data.Congregations;

public enum JoinRequestStatus { Pending = 0, Accepted = 1, Declined = 2, Withdrawn = 3 }

/// <summary>A person asking to join a congregation whose policy is Request, in their own words.</summary>
public class JoinRequest
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public Congregation Congregation { get; set; } = null!;
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;
    public string Answers { get; set; } = "";
    public JoinRequestStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
}
