using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Places offered from a paid event's waitlist that were not paid in time pass to the next person
/// waiting. Each lapse is claimed by a conditional update on the answer (still going, still unpaid,
/// deadline past) inside the transaction that frees the place and queues both emails, so two nodes or
/// a restart never pass one place on twice.
/// </summary>
public sealed class ExpireUnpaidPlaces(HubDbContext db, Places places, GatheringEmails emails, Notifier notifier, AnswersMoved moved)
{
    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var due = await db.Rsvps.AsNoTracking()
            .Where(r => r.PayBy != null && r.PayBy < now && r.Status == RsvpStatus.Going && r.OccurrenceId != null)
            .OrderBy(r => r.PayBy).Select(r => new { r.Id, r.EventId, r.UserId, OccurrenceId = r.OccurrenceId!.Value })
            .Take(200).ToListAsync(cancellationToken);
        var lapsed = 0;
        foreach (var offer in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Rsvps
                .Where(r => r.Id == offer.Id && r.Status == RsvpStatus.Going && r.PayBy != null && r.PayBy < now
                    && !db.Tickets.Any(t => t.EventId == r.EventId && t.UserId == r.UserId && (t.Paid || t.Amount - t.Granted <= 0)))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RsvpStatus.CantGo).SetProperty(r => r.PayBy, (DateTime?)null).SetProperty(r => r.UpdatedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue; // paid in the meantime, or another node got there first
            }
            var e = await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == offer.EventId, cancellationToken);
            var occurrence = await db.EventOccurrences.SingleAsync(o => o.Id == offer.OccurrenceId, cancellationToken);
            var person = await db.Users.SingleAsync(u => u.Id == offer.UserId, cancellationToken);
            await places.ReleaseAsync(occurrence.Id, cancellationToken);
            await notifier.NotifyAsync(emails.PlaceLapsed(e, occurrence, person), cancellationToken);
            await places.PromoteAsync(e, occurrence, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            moved.Note(offer.EventId, offer.UserId);
            lapsed++;
        }
        if (lapsed > 0)
        {
            notifier.Wake();
        }
        await moved.RaiseAsync(cancellationToken);
        return lapsed;
    }
}
