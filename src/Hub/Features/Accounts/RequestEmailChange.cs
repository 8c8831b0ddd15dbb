using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Sends a confirmation link to a new address; the account keeps its old one until the link is used.</summary>
public sealed class RequestEmailChange(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails, IStringLocalizer<Strings> strings)
{
    public sealed record Result(bool Succeeded, string Field, string Message);

    public async Task<Result> RunAsync(HubUser user, string newEmail, string password)
    {
        newEmail = newEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Result(false, "NewEmail", strings["Accounts.Refused.SameEmail"]);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            return new Result(false, "Password", strings["Accounts.WrongPassword"]);
        }
        // The answer is the same whether or not the address has an account, or any member could ask the
        // hub who has one; that address's owner hears of it instead, and no link is sent.
        if (await users.FindByEmailAsync(newEmail) is { } owner)
        {
            outbox.Enqueue(emails.EmailChangeToTakenAddress(owner));
        }
        else
        {
            var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
            outbox.Enqueue(emails.EmailChange(user, newEmail, token));
        }
        await db.SaveChangesAsync();
        outbox.Wake();
        return new Result(true, "", "");
    }
}
