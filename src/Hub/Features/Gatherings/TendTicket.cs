using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Hosts decide a scholarship (granting an amount) and mark a ticket paid by bank transfer or cash.</summary>
public sealed class TendTicket(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> DecideScholarshipAsync(Viewer viewer, Guid ticketId, bool grant, string? amount, CancellationToken cancellationToken = default)
    {
        var (ticket, refusal) = await LoadAsync(viewer, ticketId, cancellationToken);
        if (ticket is null)
        {
            return refusal!;
        }
        if (ticket.Scholarship != ScholarshipStatus.Requested)
        {
            return Outcome.Refused("No scholarship is waiting for a decision on this ticket.");
        }
        if (grant)
        {
            if (!SetUpTickets.TryAmount(amount, out var granted) || granted <= 0 || granted > ticket.Amount)
            {
                return Outcome.Refused($"Grant between 0.01 and the ticket's {ticket.Amount:0.##}.", "Granted");
            }
            (ticket.Scholarship, ticket.Granted) = (ScholarshipStatus.Granted, granted);
        }
        else
        {
            ticket.Scholarship = ScholarshipStatus.Declined;
        }
        HostLog.Record(db, ticket.EventId, viewer.UserId, grant ? "granted a scholarship" : "declined a scholarship request", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> MarkPaidAsync(Viewer viewer, Guid ticketId, CancellationToken cancellationToken = default)
    {
        var (ticket, refusal) = await LoadAsync(viewer, ticketId, cancellationToken);
        if (ticket is null)
        {
            return refusal!;
        }
        if (ticket.Scholarship == ScholarshipStatus.Requested)
        {
            return Outcome.Refused("Decide the scholarship first: it changes what is due.");
        }
        (ticket.Paid, ticket.PaidAt, ticket.MarkedPaidByUserId) = (true, time.GetUtcNow().UtcDateTime, viewer.UserId!);
        // Paid: a place offered from the waitlist is the person's to keep.
        await db.Rsvps.Where(r => r.EventId == ticket.EventId && r.UserId == ticket.UserId && r.PayBy != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.PayBy, (DateTime?)null), cancellationToken);
        HostLog.Record(db, ticket.EventId, viewer.UserId, "marked a ticket paid", ticket.PaidAt!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<(Ticket?, Outcome?)> LoadAsync(Viewer viewer, Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        var e = ticket is null ? null : await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == ticket.EventId, cancellationToken);
        if (ticket is null || e is null || !viewer.CanHost(e))
        {
            return (null, Outcome.Refused("Only the event's hosts tend its tickets."));
        }
        return e.ClosedAt is null ? (ticket, null) : (null, Outcome.Refused("The event is closed; its budget is final."));
    }
}
