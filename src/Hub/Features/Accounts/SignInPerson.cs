using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

public enum SignInOutcome { SignedIn, WrongPassword, Paused, NotConfirmed }

/// <summary>
/// Signs a person in with their address and password. Every answer but "signed in" and "confirm your
/// address first" (which needs the right password) is the same whether or not the address has an
/// account, and takes about as long: an unknown address costs one password hash too. Wrong passwords
/// pause signing in for that address from that client only (<see cref="SignInAttempts"/>); when a pause
/// begins, the owner gets an email with a link that lifts it.
/// </summary>
public sealed class SignInPerson(UserManager<HubUser> users, SignInAttempts attempts, AccountSessions sessions,
    HubDbContext db, EmailOutbox outbox, AccountEmails emails, AccountsOptions options)
{
    /// <summary>Compared against when the address has no account, so the answer takes as long as a real check.</summary>
    private static readonly Lazy<string> StandInHash = new(() => new PasswordHasher<HubUser>().HashPassword(new HubUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> RunAsync(string email, string password, bool remember, IPAddress? from)
    {
        var normalized = users.NormalizeEmail(email.Trim()) ?? "";
        var key = SignInAttempts.AccountKey(normalized);
        var client = SignInAttempts.ClientOf(from);
        if (await attempts.IsPausedAsync(key, client))
        {
            return SignInOutcome.Paused;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        bool right;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new HubUser(), StandInHash.Value, password);
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(user, password);
        }
        if (!right)
        {
            if (await attempts.FailedAsync(key, client) is not { } pause)
            {
                return SignInOutcome.WrongPassword;
            }
            if (user is not null && await attempts.IssueUnlockAsync(key, pause.ThrottleId, options.ResetLinkLifetime) is { } token)
            {
                outbox.Enqueue(emails.SignInPaused(user, client, token));
                await db.SaveChangesAsync();
                outbox.Wake();
            }
            return SignInOutcome.Paused;
        }

        await attempts.SucceededAsync(key, client);
        if (!user!.EmailConfirmed)
        {
            return SignInOutcome.NotConfirmed; // only said to someone who knows the password
        }
        await sessions.StartAsync(user, remember);
        return SignInOutcome.SignedIn;
    }
}
