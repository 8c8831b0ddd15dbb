namespace Microsolidarity.Hub.Data.Accounts;

/// <summary>
/// Wrong passwords typed for one sign-in address from one client address. Signing in for that
/// address from there pauses after a few failures, for longer each time; the same address from
/// anywhere else is not affected. Rows exist for unknown addresses too, so the pause says nothing
/// about whether an account exists; the address is kept only as a hash.
/// </summary>
public class SignInThrottle
{
    public long Id { get; set; }

    /// <summary>SHA-256 (hex) of the normalised email address that was typed.</summary>
    public string AccountKey { get; set; } = "";

    /// <summary>The client address (an IPv6 address by its /64 network).</summary>
    public string ClientAddress { get; set; } = "";

    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
    public DateTime? PausedUntil { get; set; }

    /// <summary>SHA-256 (hex) of the token in the unlock link emailed to the account's owner; the link works once.</summary>
    public string? UnlockTokenHash { get; set; }
    public DateTime? UnlockExpiresAt { get; set; }
}
