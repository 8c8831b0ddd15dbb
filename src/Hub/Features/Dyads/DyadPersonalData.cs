using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>One's dyads and one's own check-ins (the other person's words stay theirs).</summary>
[PersonalDataOf(typeof(Dyad), typeof(DyadCheckIn))]
internal sealed class DyadPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Dyads";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.Dyads.CountAsync(d => d.ProposerUserId == user.Id || d.PartnerUserId == user.Id, cancellationToken);
        return [$"Your {count} peer-support pair(s) and their check-ins."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Dyads = await db.Dyads.Where(d => d.ProposerUserId == user.Id || d.PartnerUserId == user.Id)
            .Select(d => new { Kind = d.Kind.ToString(), Status = d.Status.ToString(), d.Intention, d.TermWeeks, d.StartedAt, d.EndsAt }).ToListAsync(cancellationToken),
        MyCheckIns = await db.DyadCheckIns.Where(c => c.AuthorUserId == user.Id).Select(c => new { c.WrittenAt, c.Text }).ToListAsync(cancellationToken),
    };

    // The dyads themselves go with the account (cascade), check-ins with them.
    public Task DeleteAsync(HubUser user, CancellationToken cancellationToken) => Task.CompletedTask;
}
