using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>The concerns a person raised, for "download my data"; on deletion they stay, without the person's id.</summary>
/// <remarks>
/// Why anonymise rather than delete: a concern is often about harm to someone, and the care contacts' record of what
/// was raised and what they did is how a congregation notices a pattern and protects the next person. Deleting it
/// with the raiser's account would let that record vanish, and with it the steps others took. So the concern stays
/// with no link to its raiser (nobody can then read it as its raiser, and no closing note is sent); what the person
/// wrote is exported before they go. Concerns about a person, and steps or acknowledgements a care contact recorded,
/// likewise lose the person's id and stay with the congregation.
/// </remarks>
[PersonalDataOf(typeof(Concern), typeof(ConcernStep))]
internal sealed class ConcernPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Concerns";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var raised = await db.Concerns.CountAsync(x => x.RaisedByUserId == user.Id, cancellationToken);
        return raised == 0 ? [] :
        [
            $"The concerns you raised with care contacts ({raised}), and the notes they closed them with. When you delete your account, the concerns stay with the care contacts without your name attached, so that what happened is not lost to the people tending the congregation.",
        ];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        ConcernsRaised = await db.Concerns.Where(x => x.RaisedByUserId == user.Id)
            .Join(db.Congregations, x => x.CongregationId, c => c.Id, (x, c) => new { Congregation = c.Name, x.Text, x.CreatedAt, x.AcknowledgedAt, x.ClosedAt, x.ClosingNote })
            .ToListAsync(cancellationToken),
        ConcernStepsRecorded = await db.ConcernSteps.Where(s => s.ByUserId == user.Id).Select(s => new { s.Text, s.At }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.Concerns.Where(x => x.RaisedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RaisedByUserId, (string?)null), cancellationToken);
        await db.Concerns.Where(x => x.AboutUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AboutUserId, (string?)null), cancellationToken);
        await db.Concerns.Where(x => x.AcknowledgedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AcknowledgedByUserId, (string?)null), cancellationToken);
        await db.Concerns.Where(x => x.ClosedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedByUserId, (string?)null), cancellationToken);
        await db.ConcernSteps.Where(s => s.ByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ByUserId, (string?)null), cancellationToken);
    }
}
