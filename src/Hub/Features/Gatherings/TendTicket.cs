using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Hosts decide a scholarship (granting an amount) and mark a ticket paid by bank transfer or cash.</summary>
public sealed class TendTicket(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
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
            return Outcome.Refused(strings["Gatherings.Refused.NoScholarship"]);
        }
        if (grant)
        {
            if (!SetUpTickets.TryAmount(amount, out var granted) || granted <= 0 || granted > ticket.Amount)
            {
                return Outcome.Refused(strings["Gatherings.Refused.GrantRange", ticket.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)], "Granted");
            }
            (ticket.Scholarship, ticket.Granted) = (ScholarshipStatus.Granted, granted);
        }
        else
        {
            ticket.Scholarship = ScholarshipStatus.Declined;
        }
        HostLog.Record(db, ticket.EventId, viewer.UserId, StoredWords.Of(grant ? "Log.Event.ScholarshipGranted" : "Log.Event.ScholarshipDeclined"), time.GetUtcNow().UtcDateTime);
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
            return Outcome.Refused(strings["Gatherings.Refused.ScholarshipFirst"]);
        }
        (ticket.Paid, ticket.PaidAt, ticket.MarkedPaidByUserId) = (true, time.GetUtcNow().UtcDateTime, viewer.UserId!);
        // Paid: a place offered from the waitlist is the person's to keep.
        await db.Rsvps.Where(r => r.EventId == ticket.EventId && r.UserId == ticket.UserId && r.PayBy != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.PayBy, (DateTime?)null), cancellationToken);
        HostLog.Record(db, ticket.EventId, viewer.UserId, StoredWords.Of("Log.Event.TicketPaid"), ticket.PaidAt!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<(Ticket?, Outcome?)> LoadAsync(Viewer viewer, Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        var e = ticket is null ? null : await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == ticket.EventId, cancellationToken);
        if (ticket is null || e is null || !viewer.CanHost(e))
        {
            return (null, Outcome.Refused(strings["Gatherings.Refused.OnlyHostsTend"]));
        }
        return e.ClosedAt is null ? (ticket, null) : (null, Outcome.Refused(strings["Gatherings.Refused.BudgetFinal"]));
    }
}
