using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Sends a fresh confirmation link to an address that signed up but never confirmed.</summary>
public sealed class SendConfirmationLink(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails)
{
    /// <summary>Says nothing about whether the address has an account: the page answers the same either way.</summary>
    public async Task RunAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.EmailConfirmed)
        {
            return;
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        outbox.Enqueue(emails.Confirmation(user, token));
        await db.SaveChangesAsync();
        outbox.Wake();
    }
}
