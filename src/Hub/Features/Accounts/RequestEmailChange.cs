using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Sends a confirmation link to a new address; the account keeps its old one until the link is used.</summary>
public sealed class RequestEmailChange(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails)
{
    public sealed record Result(bool Succeeded, string Field, string Message);

    public async Task<Result> RunAsync(HubUser user, string newEmail, string password)
    {
        newEmail = newEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Result(false, "NewEmail", "That is already your address.");
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            return new Result(false, "Password", "That password is not right.");
        }
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            return new Result(false, "NewEmail", "Another account uses this address already.");
        }
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        outbox.Enqueue(emails.EmailChange(user, newEmail, token));
        await db.SaveChangesAsync();
        outbox.Wake();
        return new Result(true, "", "");
    }
}
