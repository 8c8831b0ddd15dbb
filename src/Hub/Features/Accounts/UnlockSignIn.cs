using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Accounts;

public enum UnlockOutcome { Unlocked, Expired, Invalid }

/// <summary>
/// Lifts every pause on signing in for an address, from the link emailed to its owner when one began.
/// The link works once (the rows holding its hash are removed) and for as long as a reset link.
/// </summary>
public sealed class UnlockSignIn(HubDbContext db, SignInAttempts attempts, TimeProvider time)
{
    public async Task<UnlockOutcome> RunAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return UnlockOutcome.Invalid;
        }
        var hash = SignInAttempts.HashToken(token);
        var row = await db.SignInThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.UnlockTokenHash == hash);
        if (row is null)
        {
            return UnlockOutcome.Invalid;
        }
        if (row.UnlockExpiresAt < time.GetUtcNow().UtcDateTime)
        {
            return UnlockOutcome.Expired;
        }
        await attempts.ForgetAllAsync(row.AccountKey);
        return UnlockOutcome.Unlocked;
    }
}
