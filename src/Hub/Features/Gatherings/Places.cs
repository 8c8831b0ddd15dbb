using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// The places of one occurrence. Every change of the count is a conditional UPDATE on the occurrence
/// row, inside the caller's transaction: the row lock (PostgreSQL) or the write lock (SQLite) puts
/// concurrent answers in one line, so the count never passes the capacity and arrival numbers are
/// handed out in the order people were served.
/// </summary>
public sealed class Places(HubDbContext db, GatheringEmails emails, Platform.Notifications.Notifier notifier, TimeProvider time, AnswersMoved moved)
{
    /// <summary>The occurrence's row, created on first use. Two people creating it at once make one row.</summary>
    public async Task<EventOccurrence> EnsureAsync(GatheringEvent e, DateTime originalStart, CancellationToken cancellationToken)
    {
        var row = await db.EventOccurrences.SingleOrDefaultAsync(o => o.EventId == e.Id && o.OriginalStart == originalStart, cancellationToken);
        if (row is not null)
        {
            return row;
        }
        row = new EventOccurrence
        {
            Id = Guid.NewGuid(),
            EventId = e.Id,
            OriginalStart = originalStart,
            StartsAt = originalStart,
            EndsAt = originalStart + (e.EndsAt - e.StartsAt),
        };
        db.EventOccurrences.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateException)
        {
            // Someone else created it a moment ago (the unique index on EventId and OriginalStart).
            db.Entry(row).State = EntityState.Detached;
            return await db.EventOccurrences.SingleAsync(o => o.EventId == e.Id && o.OriginalStart == originalStart, cancellationToken);
        }
    }

    /// <summary>The next arrival number of the occurrence; holds its row until the transaction ends.</summary>
    public async Task<int> NextArrivalAsync(Guid occurrenceId, CancellationToken cancellationToken)
    {
        await db.EventOccurrences.Where(o => o.Id == occurrenceId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Arrivals, o => o.Arrivals + 1), cancellationToken);
        return await db.EventOccurrences.Where(o => o.Id == occurrenceId).Select(o => o.Arrivals).SingleAsync(cancellationToken);
    }

    /// <summary>Takes a place if one is left.</summary>
    public async Task<bool> TakeAsync(Guid occurrenceId, int? capacity, CancellationToken cancellationToken)
    {
        var query = db.EventOccurrences.Where(o => o.Id == occurrenceId);
        if (capacity is { } c)
        {
            query = query.Where(o => o.GoingCount < c);
        }
        return await query.ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount + 1), cancellationToken) == 1;
    }

    public async Task ReleaseAsync(Guid occurrenceId, CancellationToken cancellationToken) =>
        await db.EventOccurrences.Where(o => o.Id == occurrenceId && o.GoingCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount - 1), cancellationToken);

    /// <summary>
    /// Fills free places from the waitlist, first come first served, and tells each person promoted.
    /// For a paid event whose hosts set hours to pay, the place is offered until a deadline: unpaid by
    /// then, <see cref="ExpireUnpaidPlaces"/> passes it on. Call inside the transaction that freed the
    /// places; the caller saves, and raises <see cref="AnswersMoved"/> after its commit.
    /// </summary>
    public async Task<int> PromoteAsync(GatheringEvent e, EventOccurrence occurrence, CancellationToken cancellationToken)
    {
        var promoted = 0;
        var now = time.GetUtcNow().UtcDateTime;
        var paid = e.HoursToPay is not null && await db.TicketTiers.AnyAsync(t => t.EventId == e.Id && (t.Price > 0 || t.Minimum > 0), cancellationToken);
        while (true)
        {
            var next = await db.Rsvps.Include(r => r.User)
                .Where(r => r.OccurrenceId == occurrence.Id && r.Status == RsvpStatus.Waitlisted)
                .OrderBy(r => r.Arrival).FirstOrDefaultAsync(cancellationToken);
            if (next is null || !await TakeAsync(occurrence.Id, e.Capacity, cancellationToken))
            {
                return promoted;
            }
            next.Status = RsvpStatus.Going;
            next.UpdatedAt = now;
            next.PayBy = paid && !await HasPaidAsync(e.Id, next.UserId, cancellationToken) ? now.AddHours(e.HoursToPay!.Value) : null;
            await db.SaveChangesAsync(cancellationToken);
            await notifier.NotifyAsync(emails.Promoted(e, occurrence, next.User, next.PayBy), cancellationToken);
            moved.Note(e.Id, next.UserId);
            promoted++;
        }
    }

    /// <summary>Paid, or nothing due (a full scholarship or a free tier).</summary>
    public Task<bool> HasPaidAsync(Guid eventId, string userId, CancellationToken cancellationToken) =>
        db.Tickets.AnyAsync(t => t.EventId == eventId && t.UserId == userId && (t.Paid || t.Amount - t.Granted <= 0), cancellationToken);
}
