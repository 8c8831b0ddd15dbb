namespace Microsolidarity.Hub.Data.Accounts;

/// <summary>
/// One signed-in device. The sign-in cookie carries the id; a cookie whose row is gone (signed out,
/// signed out everywhere) or whose security stamp no longer matches the account's (password or
/// address changed) is refused on the next request, even if someone copied it.
/// </summary>
public class AccountSession
{
    /// <summary>Random, 32 hex characters; only ever inside the encrypted cookie.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public HubUser User { get; set; } = null!;

    /// <summary>The account's security stamp when the session began.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>A rough description for the account page, e.g. "Firefox on Linux".</summary>
    public string Device { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}
