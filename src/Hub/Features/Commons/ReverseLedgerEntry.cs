using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Corrects a mistake the only honest way in a ledger: an entry of the opposite amount, with a reason.</summary>
public sealed class ReverseLedgerEntry(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string treasurerId, Guid entryId, string reason, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.TreasurersCorrect"]);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused(strings["Commons.Refused.SayWhyCorrected"], "Reason");
        }
        var original = await db.LedgerEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (original is null)
        {
            return Outcome.Refused(strings["Commons.Refused.EntryNotThere"]);
        }
        if (original.ReversesEntryId is not null)
        {
            return Outcome.Refused(strings["Commons.Refused.CorrectionOfCorrection"]);
        }
        if (await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == entryId, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.CorrectedAlready"]);
        }
        var reversal = await RecordLedgerEntry.NewEntryAsync(db, time, treasurerId, original.Kind, -original.AmountMinor, original.Currency,
            StoredWords.Fit(StoredWords.Of("Ledger.Correction", original.Description, reason.Trim()), 500), original.Category, time.GetUtcNow().UtcDateTime, cancellationToken);
        reversal.Fund = original.Fund;
        reversal.ReversesEntryId = original.Id;
        reversal.ContributorUserId = original.ContributorUserId;
        reversal.PledgeId = original.PledgeId;
        reversal.EventId = original.EventId;
        reversal.ProposalId = original.ProposalId;
        db.LedgerEntries.Add(reversal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on ReversesEntryId: another treasurer corrected it a moment ago.
            return Outcome.Refused(strings["Commons.Refused.CorrectedAlready"]);
        }
        return Outcome.Done;
    }
}
