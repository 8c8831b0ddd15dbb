using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Emails a password-reset link; an unconfirmed account gets its confirmation link instead.</summary>
public sealed class SendPasswordReset(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails)
{
    public async Task RunAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return; // the page answers the same whether or not an account exists
        }
        if (user.EmailConfirmed)
        {
            outbox.Enqueue(emails.PasswordReset(user, await users.GeneratePasswordResetTokenAsync(user)));
        }
        else
        {
            outbox.Enqueue(emails.Confirmation(user, await users.GenerateEmailConfirmationTokenAsync(user)));
        }
        await db.SaveChangesAsync();
        outbox.Wake();
    }
}
