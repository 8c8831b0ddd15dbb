using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// A person who answered the event chooses a tier (and, for pay what you can, an amount at or above the
/// minimum), may use a discount code (while it has uses left and has not expired), and may ask for a scholarship in their own words.
/// </summary>
public sealed class ChooseTicket(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, Guid tierId, string? amount, string? code, string? scholarship, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.IsSignedIn || !viewer.CanSee(e))
        {
            return Outcome.Refused(strings["Gatherings.Refused.NotOpen"]);
        }
        if (e.ClosedAt is not null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.Closed"]);
        }
        if (!await db.Rsvps.AnyAsync(r => r.EventId == eventId && r.UserId == viewer.UserId && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Waitlisted || r.Status == RsvpStatus.AwaitingApproval), cancellationToken))
        {
            return Outcome.Refused(strings["Gatherings.Refused.GoingFirst"]);
        }
        var tier = await db.TicketTiers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tierId && t.EventId == eventId, cancellationToken);
        if (tier is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.ChooseTier"], "TierId");
        }
        var price = tier.Price;
        if (tier.PayWhatYouCan)
        {
            if (!SetUpTickets.TryAmount(amount, out price) || price < tier.Minimum)
            {
                return Outcome.Refused(strings["Gatherings.Refused.PayFrom", $"{tier.Minimum.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} {e.Currency}"], "Amount");
            }
        }
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        DiscountCode? discount = null;
        if (normalized != "")
        {
            discount = await db.DiscountCodes.AsNoTracking().SingleOrDefaultAsync(d => d.EventId == eventId && d.Code == normalized, cancellationToken);
            if (discount is null)
            {
                return Outcome.Refused(strings["Gatherings.Refused.NotACode", normalized], "Code");
            }
            price = Math.Round(price * (100 - discount.PercentOff) / 100m, 2);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.EventId == eventId && t.UserId == viewer.UserId, cancellationToken);
        if (ticket?.Paid == true)
        {
            return Outcome.Refused(strings["Gatherings.Refused.TicketPaid"]);
        }
        var previousCode = ticket?.DiscountCode ?? "";
        if (discount is not null && previousCode != normalized)
        {
            if (discount.ExpiresAt is { } expires && expires <= now)
            {
                return Outcome.Refused(strings["Gatherings.Refused.CodeExpired", normalized, EventTime.Format(expires, viewer.ZoneFor(e))], "Code");
            }
            // The use is taken by a conditional update on the code's row: when one use is left and two
            // people ask at once, the row lock serves them one after the other and only the first gets it.
            var taken = await db.DiscountCodes.Where(d => d.Id == discount.Id && (d.MaxUses == null || d.Uses < d.MaxUses))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Uses, d => d.Uses + 1), cancellationToken);
            if (taken == 0)
            {
                return Outcome.Refused(strings["Gatherings.Refused.CodeUsedUp", normalized], "Code");
            }
        }
        if (previousCode != "" && previousCode != normalized)
        {
            // Changing or dropping a code gives its use back.
            await db.DiscountCodes.Where(d => d.EventId == eventId && d.Code == previousCode && d.Uses > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Uses, d => d.Uses - 1), cancellationToken);
        }
        if (ticket is null)
        {
            ticket = new Ticket { Id = Guid.NewGuid(), EventId = eventId, UserId = viewer.UserId!, CreatedAt = now, PaymentReference = await NewReferenceAsync(cancellationToken) };
            db.Tickets.Add(ticket);
        }
        (ticket.TierId, ticket.Amount, ticket.DiscountCode) = (tier.Id, price, normalized);
        ticket.ScholarshipRequest = scholarship?.Trim() ?? "";
        ticket.Scholarship = ticket.ScholarshipRequest == "" ? ScholarshipStatus.None : ScholarshipStatus.Requested;
        ticket.Granted = 0;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>A reference no ticket has yet (the unique index is the guarantee; this check makes a clash a non-event).</summary>
    private async Task<string> NewReferenceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var reference = PaymentReference.New();
            if (!await db.Tickets.AnyAsync(t => t.PaymentReference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }
}
