using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Money the payment provider gave back (a refund made in Stripe's dashboard) becomes a reversing entry
/// against the payment it returns, never an edit of it. The provider reports the total refunded so far
/// for a payment, so each report adds only what is new, under an id made of the payment and that total:
/// a repeated delivery adds nothing, and a second partial refund adds its own part. A ticket whose
/// payment went back in full is unpaid again.
/// </summary>
public sealed class RecordRefund(HubDbContext db, TimeProvider time, ITicketPayments tickets, ILogger<RecordRefund> logger, IStringLocalizer<Strings> strings)
{
    /// <param name="ProviderPaymentId">The payment returned ("pi_...").</param>
    /// <param name="RefundedMinor">All that has been refunded of it so far.</param>
    public sealed record Input(string ProviderPaymentId, string ChargeId, long RefundedMinor, string Currency, DateTime RefundedAtUtc);

    public async Task<Outcome> RunAsync(Input input, CancellationToken cancellationToken = default)
    {
        var payment = await db.LedgerEntries
            .Where(e => e.ProviderPaymentId == input.ProviderPaymentId && e.ReversesEntryId == null && e.AmountMinor > 0)
            .OrderBy(e => e.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            logger.LogWarning("A refund of {Payment} arrived, but no payment of the hub has that id.", input.ProviderPaymentId);
            return Outcome.Refused(strings["Commons.Refused.NoSuchPayment"]);
        }
        var externalId = $"stripe:{input.ChargeId}:refunded:{input.RefundedMinor}";
        var refundedBefore = -await db.LedgerEntries.Where(e => e.ReversesEntryId == payment.Id).SumAsync(e => e.AmountMinor, cancellationToken);
        var part = Math.Min(input.RefundedMinor, payment.AmountMinor) - refundedBefore;
        if (part <= 0 || await db.LedgerEntries.AnyAsync(e => e.ExternalId == externalId, cancellationToken))
        {
            return Outcome.Done; // nothing new: a repeated delivery, or reports arriving out of order
        }
        var whole = refundedBefore + part >= payment.AmountMinor;
        db.LedgerEntries.Add(new LedgerEntry
        {
            Id = Guid.NewGuid(),
            Fund = payment.Fund,
            Currency = payment.Currency,
            AmountMinor = -part,
            Kind = payment.Kind,
            Description = StoredWords.Fit(StoredWords.Of(whole && refundedBefore == 0 ? "Ledger.Refund" : "Ledger.RefundInPart", payment.Description), 500),
            Category = payment.Category,
            OccurredAt = input.RefundedAtUtc,
            RecordedAt = time.GetUtcNow().UtcDateTime,
            RecordedBy = LedgerWords.PaymentProvider,
            ContributorUserId = payment.ContributorUserId,
            PledgeId = payment.PledgeId,
            EventId = payment.EventId,
            TicketId = payment.TicketId,
            ReversesEntryId = payment.Id,
            ExternalId = externalId,
            ProviderPaymentId = payment.ProviderPaymentId,
        });
        if (whole && payment.TicketId is { } ticketId)
        {
            await tickets.MarkRefundedAsync(ticketId, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same report delivered twice at once: the other wrote it
        }
        return Outcome.Done;
    }
}
