using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

/// <summary>The reply addresses the person's notification emails carried: what each was for and when it was made.</summary>
[PersonalDataOf(typeof(EmailReplyAddress))]
internal sealed class ReplyAddressesPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Reply addresses";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.EmailReplyAddresses.CountAsync(a => a.UserId == user.Id, cancellationToken);
        return count == 0 ? [] : [$"The reply addresses of {count} email(s) sent to you: replies to them will no longer reach the hub."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) =>
        await db.EmailReplyAddresses.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Kind, a.Key, a.CreatedAt }).ToListAsync(cancellationToken);

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        db.EmailReplyAddresses.RemoveRange(await db.EmailReplyAddresses.Where(a => a.UserId == user.Id).ToListAsync(cancellationToken));
}
