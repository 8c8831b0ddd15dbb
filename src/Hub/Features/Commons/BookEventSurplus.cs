using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// The surplus rule: a settled event's income and costs go into the event's own fund, and the
/// configured share of a positive surplus moves from there to the commons. Runs in the closing
/// operation's unit of work and does not save, so the close and its booking commit together.
/// </summary>
public sealed class BookEventSurplus(HubDbContext db, TimeProvider time, IOptions<CommonsOptions> options) : IEventSettledHandler
{
    public async Task OnSettledAsync(EventSettled settled, CancellationToken cancellationToken)
    {
        var currency = Money.Normalize(settled.Currency);
        var key = $"event-settled:{settled.EventId:N}";
        // Settling twice (a retry) books once: the external ids below are unique.
        if (db.LedgerEntries.Local.Any(e => e.ExternalId == $"{key}:income")
            || await db.LedgerEntries.AnyAsync(e => e.ExternalId == $"{key}:income", cancellationToken))
        {
            return;
        }
        var fund = CommonsFunds.ForEvent(settled.EventId);
        var now = time.GetUtcNow().UtcDateTime;
        var recordedBy = await db.Users.Where(u => u.Id == settled.SettledByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        LedgerEntry Entry(string suffix, string entryFund, LedgerKind kind, long amount, string description) => new()
        {
            Id = Guid.NewGuid(),
            Fund = entryFund,
            Currency = currency,
            AmountMinor = amount,
            Kind = kind,
            Description = description,
            OccurredAt = settled.EndedAtUtc,
            RecordedAt = now,
            RecordedByUserId = settled.SettledByUserId,
            RecordedBy = recordedBy,
            EventId = settled.EventId,
            ExternalId = $"{key}:{suffix}",
        };
        var income = Money.ToMinor(settled.Income);
        var costs = Money.ToMinor(settled.Costs);
        // Tickets paid by card (less their refunds) are in the event's fund already, since they were paid:
        // the closing entry books the rest of the income, so the fund ends with the whole income once.
        var byCard = await db.LedgerEntries.Where(e => e.Fund == fund).SumAsync(e => e.AmountMinor, cancellationToken);
        db.LedgerEntries.Add(Entry("income", fund, LedgerKind.EventIncome, income - byCard,
            StoredWords.Of(byCard == 0 ? LedgerWords.Income : LedgerWords.IncomeBesidesCards, settled.Title)));
        db.LedgerEntries.Add(Entry("costs", fund, LedgerKind.EventCost, -costs, StoredWords.Of("Ledger.Costs", settled.Title)));
        var surplus = income - costs;
        if (surplus > 0)
        {
            // Rounded up to the cent: the rule says "at least" the share (and a share of at most 100% never exceeds the surplus).
            var share = (long)decimal.Ceiling(surplus * options.Value.SurplusShare);
            if (share > 0)
            {
                db.LedgerEntries.Add(Entry("share-out", fund, LedgerKind.EventShare, -share, StoredWords.Of("Ledger.ShareOut", settled.Title)));
                db.LedgerEntries.Add(Entry("share-in", CommonsFunds.Commons, LedgerKind.EventShare, share, StoredWords.Of("Ledger.ShareIn", settled.Title)));
            }
        }
    }
}
