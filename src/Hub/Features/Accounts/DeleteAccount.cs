using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Deletes the account and everything every feature holds about the person, in one transaction; then lets each feature
/// follow up on what it freed (<see cref="IPersonalData.AfterDeletedAsync"/>: a cohort's rooms, the waitlist's newcomers).
/// </summary>
public sealed class DeleteAccount(UserManager<HubUser> users, HubDbContext db, IEnumerable<IPersonalData> sources,
    EmailOutbox outbox, AccountEmails emails, IStringLocalizer<Strings> strings)
{
    public sealed record Result(bool Succeeded, string Field, string Message);

    public async Task<IReadOnlyList<(string Section, IReadOnlyList<string> Items)>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var list = new List<(string, IReadOnlyList<string>)>();
        foreach (var source in sources)
        {
            list.Add((source.Section, await source.DescribeAsync(user, cancellationToken)));
        }
        return list;
    }

    public async Task<Result> RunAsync(HubUser user, string password, bool understood, CancellationToken cancellationToken)
    {
        if (!understood)
        {
            return new Result(false, "Understood", strings["Accounts.Refused.NotUnderstood"]);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            return new Result(false, "Password", strings["Accounts.WrongPassword"]);
        }
        if (await users.IsInRoleAsync(user, AccountsFeature.AdminRole)
            && (await users.GetUsersInRoleAsync(AccountsFeature.AdminRole)).Count == 1)
        {
            return new Result(false, "", strings["Accounts.Refused.OnlyAdmin"]);
        }
        foreach (var source in sources)
        {
            if (await source.ReasonToWaitAsync(user, cancellationToken) is { } reason)
            {
                return new Result(false, "", reason);
            }
        }
        var (email, name, language) = (user.Email!, user.DisplayName, user.Language);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var source in sources)
        {
            await source.DeleteAsync(user, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return new Result(false, "", strings["Accounts.Refused.NotDeleted"]);
        }
        outbox.Enqueue(emails.AccountDeleted(email, name, language));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Wake();
        foreach (var source in sources)
        {
            await source.AfterDeletedAsync(CancellationToken.None);
        }
        return new Result(true, "", "");
    }
}
