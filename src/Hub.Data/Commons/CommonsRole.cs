namespace Microsolidarity.Hub.Data.Commons;

public enum CommonsRoleKind
{
    Treasurer = 0,
    Administrator = 1,
    VetoHolder = 2,
}

/// <summary>A person named by a hub administrator to keep the books, decide proposals, or hold the veto.</summary>
public class CommonsRole
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public CommonsRoleKind Role { get; set; }
    public DateTime NamedAt { get; set; }
    public string NamedByUserId { get; set; } = "";
}
