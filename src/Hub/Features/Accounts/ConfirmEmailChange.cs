using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

public enum EmailChangeOutcome { Changed, AlreadyChanged, Taken, Expired, Invalid }

/// <summary>Moves the account to the new address from the link, tells the old address, and ends every session.</summary>
public sealed class ConfirmEmailChange(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails, LinkTokens tokens,
    AccountSessions sessions)
{
    public async Task<EmailChangeOutcome> RunAsync(string? userId, string? newEmail, string? code)
    {
        var token = AccountLinks.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrWhiteSpace(newEmail))
        {
            return EmailChangeOutcome.Invalid;
        }
        if (string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChangeOutcome.AlreadyChanged;
        }
        var oldEmail = user.Email!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changed = await users.ChangeEmailAsync(user, newEmail, token);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
            {
                return EmailChangeOutcome.Taken;
            }
            var problem = await tokens.DiagnoseAsync(users, user, UserManager<HubUser>.GetChangeEmailTokenPurpose(newEmail), token);
            return problem == LinkProblem.Expired ? EmailChangeOutcome.Expired : EmailChangeOutcome.Invalid;
        }
        // The address is also the sign-in name.
        var renamed = await users.SetUserNameAsync(user, newEmail);
        if (!renamed.Succeeded)
        {
            return EmailChangeOutcome.Taken;
        }
        outbox.Enqueue(emails.EmailChanged(user, oldEmail, newEmail));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        outbox.Wake();
        // Whoever was signed in with the old address is out (the page signs this device in again).
        await sessions.EndAllAsync(user.Id);
        return EmailChangeOutcome.Changed;
    }
}
