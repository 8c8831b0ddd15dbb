using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The one-time tokens of forms a person sent (<see cref="OncePerFormFilter"/>): kept two days to turn
/// a double click into one action, they say only where a form led. They go with the account.
/// </summary>
[PersonalDataOf(typeof(FormSubmission))]
internal sealed class OncePerFormPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Forms sent";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.FormSubmissions.CountAsync(f => f.UserId == user.Id, cancellationToken);
        return count == 0 ? [] : [$"The record of {count} form(s) you sent in the last two days, kept so that a double click does its work once."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        FormsSent = await db.FormSubmissions.AsNoTracking().Where(f => f.UserId == user.Id).OrderBy(f => f.SubmittedAt)
            .Select(f => new { f.SubmittedAt, f.ResultUrl }).ToListAsync(cancellationToken),
    };

    public Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        db.FormSubmissions.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
}
