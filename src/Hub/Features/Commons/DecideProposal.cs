using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// An administrator of the commons approves or declines an open proposal with a written reason.
/// The decision is a conditional UPDATE on the proposal's state, so when two administrators decide
/// at once exactly one decision counts, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class DecideProposal(HubDbContext db, TimeProvider time, CommonsAccess access, ProposalNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string administratorId, Guid proposalId, bool approve, string reason, CancellationToken cancellationToken = default)
    {
        if (!await access.HasRoleAsync(administratorId, CommonsRoleKind.Administrator, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.AdministratorsDecide"]);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused(strings["Commons.Refused.DecisionReason"], "Reason");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var state = approve ? ProposalState.Approved : ProposalState.Declined;
        var decided = await db.Proposals.Where(p => p.Id == proposalId && p.State == ProposalState.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.State, state)
                .SetProperty(p => p.DecidedByUserId, administratorId)
                .SetProperty(p => p.DecidedAt, now)
                .SetProperty(p => p.DecisionReason, reason.Trim()), cancellationToken);
        if (decided == 0)
        {
            return Outcome.Refused(strings["Commons.Refused.DecidedAlready"]);
        }
        await notices.TellProposerAsync(proposalId, state, reason.Trim(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}

/// <summary>Tells the proposer what became of their proposal.</summary>
public sealed class ProposalNotices(HubDbContext db, Notifier notifier, Platform.Email.EmailTemplates templates, PublicAddress links,
    IStringLocalizer<Strings> strings)
{
    internal async Task TellProposerAsync(Guid proposalId, ProposalState state, string reason, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.Where(p => p.Id == proposalId).Select(p => new { p.ProposerUserId, p.Purpose }).SingleAsync(cancellationToken);
        var proposer = await db.Users.Where(u => u.Id == proposal.ProposerUserId).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        if (proposer?.Email is null)
        {
            return;
        }
        var url = links.Absolute($"/commons/proposals/{proposalId}");
        var purpose = proposal.Purpose.Length > 80 ? proposal.Purpose[..80] + "…" : proposal.Purpose;
        using var language = RecipientLanguage.Of(proposer.Language);
        string title = strings[$"Email.Proposal.{state}.Subject"];
        await notifier.NotifyAsync(new Notice(proposer.Id, "commons.proposal-decided", title, url,
            templates.Compose(proposer.Email, proposer.DisplayName, title,
            [strings[$"Email.Proposal.{state}.Text", purpose], strings["Email.Proposal.Reason", reason]],
            (strings["Email.Proposal.Action"], url))), cancellationToken);
    }

    internal void Wake() => notifier.Wake();
}
