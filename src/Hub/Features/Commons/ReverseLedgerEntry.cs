using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Corrects a mistake the only honest way in a ledger: an entry of the opposite amount, with a reason.</summary>
public sealed class ReverseLedgerEntry(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(string treasurerId, Guid entryId, string reason, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return Outcome.Refused("Only the commons' treasurers correct the ledger.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused("Say why the entry is being corrected; the reason stays in the ledger.", "Reason");
        }
        var original = await db.LedgerEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (original is null)
        {
            return Outcome.Refused("That entry is not in the ledger.");
        }
        if (original.ReversesEntryId is not null)
        {
            return Outcome.Refused("This entry is itself a correction; record a new entry instead of correcting a correction.");
        }
        if (await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == entryId, cancellationToken))
        {
            return Outcome.Refused("This entry was corrected already.");
        }
        var reversal = await RecordLedgerEntry.NewEntryAsync(db, time, treasurerId, original.Kind, -original.AmountMinor, original.Currency,
            $"Correction of “{original.Description}”: {reason.Trim()}", original.Category, time.GetUtcNow().UtcDateTime, cancellationToken);
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
            return Outcome.Refused("This entry was corrected already.");
        }
        return Outcome.Done;
    }
}
