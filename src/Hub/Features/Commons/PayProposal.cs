using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A treasurer pays an approved proposal: it becomes an expense in the ledger, in one transaction.</summary>
public sealed class PayProposal(HubDbContext db, TimeProvider time, CommonsAccess access, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string treasurerId, Guid proposalId, CancellationToken cancellationToken = default)
    {
        if (!await access.HasRoleAsync(treasurerId, CommonsRoleKind.Treasurer, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.TreasurersPay"]);
        }
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null || proposal.State != ProposalState.Approved)
        {
            return Outcome.Refused(strings["Commons.Refused.OnlyApprovedPaid"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var entry = await RecordLedgerEntry.NewEntryAsync(db, time, treasurerId, LedgerKind.Expense, -proposal.AmountMinor, proposal.Currency,
            Summary(proposal), proposal.Category, now, cancellationToken);
        entry.ProposalId = proposal.Id;
        var paid = await db.Proposals.Where(p => p.Id == proposalId && p.State == ProposalState.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, ProposalState.Paid).SetProperty(p => p.PaidAt, now).SetProperty(p => p.PaidEntryId, entry.Id), cancellationToken);
        if (paid == 0)
        {
            return Outcome.Refused(strings["Commons.Refused.PaidAMomentAgo"]);
        }
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The public description: a scholarship never names its recipient.</summary>
    private static string Summary(Proposal proposal) =>
        proposal.Category == "scholarship" ? StoredWords.Of("Ledger.Scholarship") : StoredWords.Of("Ledger.Proposal", Truncate(proposal.Purpose));

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
