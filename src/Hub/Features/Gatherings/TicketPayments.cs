using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Gatherings' side of a card payment: the commons asks what a ticket costs, then marks it paid (or,
/// after a full refund, unpaid) inside its own unit of work, so the ledger and the ticket agree.
/// </summary>
public sealed class TicketPayments(HubDbContext db) : ITicketPayments
{
    public async Task<PayableTicket?> FindAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        var e = ticket is null ? null : await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == ticket.EventId, cancellationToken);
        return ticket is null || e is null ? null : new PayableTicket(ticket.Id, e.Id, e.Title, ticket.UserId, e.Currency, MinorUnits(ticket.Due), ticket.Paid);
    }

    /// <summary>Tickets are priced in decimal amounts of currencies with two decimals; payments count cents.</summary>
    public static long MinorUnits(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.ToEven);

    public async Task MarkPaidAsync(Guid ticketId, DateTime paidAtUtc, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, cancellationToken);
        (ticket.Paid, ticket.PaidAt, ticket.MarkedPaidByUserId) = (true, paidAtUtc, "");
        // Paid: a place offered from the waitlist is the person's to keep.
        foreach (var offer in await db.Rsvps.Where(r => r.EventId == ticket.EventId && r.UserId == ticket.UserId && r.PayBy != null).ToListAsync(cancellationToken))
        {
            offer.PayBy = null;
        }
    }

    public async Task MarkRefundedAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is not null)
        {
            (ticket.Paid, ticket.PaidAt) = (false, null);
        }
    }
}
