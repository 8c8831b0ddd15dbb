using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A person who answered the event chooses a tier (and, for pay what you can, an amount at or above the
/// minimum), may use a discount code, and may ask for a scholarship in their own words.
/// </summary>
public sealed class ChooseTicket(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, Guid tierId, string? amount, string? code, string? scholarship, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.IsSignedIn || !viewer.CanSee(e))
        {
            return Outcome.Refused("This event does not exist or is not open to you.");
        }
        if (e.ClosedAt is not null)
        {
            return Outcome.Refused("The event is closed.");
        }
        if (!await db.Rsvps.AnyAsync(r => r.EventId == eventId && r.UserId == viewer.UserId && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted || r.Status == RsvpStatus.AwaitingApproval), cancellationToken))
        {
            return Outcome.Refused("Say you are going first; then choose your ticket.");
        }
        var tier = await db.TicketTiers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tierId && t.EventId == eventId, cancellationToken);
        if (tier is null)
        {
            return Outcome.Refused("Choose one of the tiers.", "TierId");
        }
        var price = tier.Price;
        if (tier.PayWhatYouCan)
        {
            if (!SetUpTickets.TryAmount(amount, out price) || price < tier.Minimum)
            {
                return Outcome.Refused($"Pay what you can, from {tier.Minimum:0.##} {e.Currency}.", "Amount");
            }
        }
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        if (normalized != "")
        {
            var discount = await db.DiscountCodes.AsNoTracking().SingleOrDefaultAsync(d => d.EventId == eventId && d.Code == normalized, cancellationToken);
            if (discount is null)
            {
                return Outcome.Refused($"{normalized} is not a code of this event.", "Code");
            }
            price = Math.Round(price * (100 - discount.PercentOff) / 100m, 2);
        }
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.EventId == eventId && t.UserId == viewer.UserId, cancellationToken);
        if (ticket?.Paid == true)
        {
            return Outcome.Refused("Your ticket is paid; to change it, write to the hosts.");
        }
        if (ticket is null)
        {
            ticket = new Ticket { Id = Guid.NewGuid(), EventId = eventId, UserId = viewer.UserId!, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Tickets.Add(ticket);
        }
        (ticket.TierId, ticket.Amount, ticket.DiscountCode) = (tier.Id, price, normalized);
        ticket.ScholarshipRequest = scholarship?.Trim() ?? "";
        ticket.Scholarship = ticket.ScholarshipRequest == "" ? ScholarshipStatus.None : ScholarshipStatus.Requested;
        ticket.Granted = 0;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
