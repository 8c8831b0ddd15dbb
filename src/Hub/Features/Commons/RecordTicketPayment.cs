using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// A ticket paid by card: the money goes into the event's own fund as event income, and the ticket is
/// marked paid, in one unit of work. Recorded under the provider's id, so the webhook and the person's
/// return (which race), and Stripe's repeat deliveries, make one entry. When the event is closed,
/// <see cref="BookEventSurplus"/> books the rest of its income beside what is already there.
/// </summary>
public sealed class RecordTicketPayment(HubDbContext db, TimeProvider time, ITicketPayments tickets, IStringLocalizer<Strings> strings)
{
    public sealed record Input(Guid TicketId, long AmountMinor, string Currency, DateTime PaidAtUtc, string ExternalId, string? ProviderPaymentId);

    public async Task<(Outcome Outcome, Guid? EventId)> RunAsync(Input input, CancellationToken cancellationToken = default)
    {
        var ticket = await tickets.FindAsync(input.TicketId, cancellationToken);
        if (ticket is null)
        {
            return (Outcome.Refused(strings["Commons.Refused.TicketGone"]), null);
        }
        if (await db.LedgerEntries.AnyAsync(e => e.ExternalId == input.ExternalId, cancellationToken))
        {
            return (Outcome.Done, ticket.EventId);
        }
        if (Money.CheckAmount(input.AmountMinor, strings) is { } amount)
        {
            return (Outcome.Refused(amount), ticket.EventId);
        }
        if (!string.Equals(Money.Normalize(input.Currency), Money.Normalize(ticket.Currency), StringComparison.Ordinal))
        {
            return (Outcome.Refused(strings["Commons.Refused.TicketCurrency", ticket.Currency, input.Currency]), ticket.EventId);
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.LedgerEntries.Add(new LedgerEntry
        {
            Id = Guid.NewGuid(),
            Fund = CommonsFunds.ForEvent(ticket.EventId),
            Currency = Money.Normalize(input.Currency),
            AmountMinor = input.AmountMinor,
            Kind = LedgerKind.EventIncome,
            Description = StoredWords.Of("Ledger.TicketByCard", ticket.EventTitle),
            OccurredAt = input.PaidAtUtc,
            RecordedAt = now,
            RecordedBy = LedgerWords.PaymentProvider,
            ContributorUserId = ticket.UserId,
            EventId = ticket.EventId,
            TicketId = ticket.TicketId,
            ExternalId = input.ExternalId,
            ProviderPaymentId = input.ProviderPaymentId,
        });
        await tickets.MarkPaidAsync(ticket.TicketId, input.PaidAtUtc, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The webhook and the return page at the same moment: the other one wrote it (the unique external id).
            db.ChangeTracker.Clear();
        }
        return (Outcome.Done, ticket.EventId);
    }
}
