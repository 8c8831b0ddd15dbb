namespace Microsolidarity.Hub.Data.Congregations;

/// <summary>
/// An invitation sent by email. Only a hash of its token is stored, so a copy of the database
/// cannot be used to join; the link works once, until it expires or is revoked.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }
    public Guid CongregationId { get; set; }
    public Congregation Congregation { get; set; } = null!;
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }
}
