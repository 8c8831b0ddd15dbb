using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// The emergency backstop: the veto holder stops a proposal that is open or approved but not yet
/// paid, with a reason everyone reads. Conditional on the state, like a decision.
/// </summary>
public sealed class VetoProposal(HubDbContext db, TimeProvider time, CommonsAccess access, ProposalNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string vetoHolderId, Guid proposalId, string reason, CancellationToken cancellationToken = default)
    {
        if (!await access.HasRoleAsync(vetoHolderId, CommonsRoleKind.VetoHolder, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.OnlyVetoHolder"]);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused(strings["Commons.Refused.VetoReason"], "Reason");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var vetoed = await db.Proposals.Where(p => p.Id == proposalId && (p.State == ProposalState.Open || p.State == ProposalState.Approved))
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.State, ProposalState.Vetoed)
                .SetProperty(p => p.VetoedByUserId, vetoHolderId)
                .SetProperty(p => p.VetoedAt, now)
                .SetProperty(p => p.VetoReason, reason.Trim()), cancellationToken);
        if (vetoed == 0)
        {
            return Outcome.Refused(strings["Commons.Refused.ProposalClosed"]);
        }
        await notices.TellProposerAsync(proposalId, ProposalState.Vetoed, reason.Trim(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
