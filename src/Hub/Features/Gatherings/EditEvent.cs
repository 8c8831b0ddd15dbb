using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Changes an event. Places cannot drop below the people already going to a coming date; more places
/// promote people from the waitlists at once.
/// </summary>
public sealed class EditEvent(HubDbContext db, Places places, TimeProvider time)
{
    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, EventInput input, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return Outcome.Refused("Only the event's hosts change it.");
        }
        var c = CreateEvent.Check(input);
        if (!c.Outcome.Succeeded)
        {
            return c.Outcome;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var coming = await db.EventOccurrences.Where(o => o.EventId == e.Id && o.EndsAt > now && !o.IsCancelled).ToListAsync(cancellationToken);
        if (input.Capacity is { } capacity && coming.Where(o => o.GoingCount > capacity).OrderByDescending(o => o.GoingCount).FirstOrDefault() is { } fuller)
        {
            var zone = EventTime.FindZone(e.TimeZone)!;
            return Outcome.Refused($"{fuller.GoingCount} people are already going on {EventTime.Format(fuller.StartsAt, zone)}: places cannot be fewer than that. Ask someone to make room, or keep at least {fuller.GoingCount}.", "Capacity");
        }
        var timesChanged = c.StartUtc != e.StartsAt || c.EndUtc != e.EndsAt || c.Recurrence != e.Recurrence || c.Zone!.Id != e.TimeZone;
        if (timesChanged && EventSchedule.IsRecurring(e) && await db.Rsvps.AnyAsync(r => r.EventId == e.Id && r.OccurrenceId != null, cancellationToken))
        {
            return Outcome.Refused("People answered single dates of this series: change or cancel those dates one by one, or \"this and the following\", instead of the whole rule.", "Recurrence");
        }
        var length = c.EndUtc - c.StartUtc;
        CreateEvent.Apply(e, input, c);
        e.UpdatedAt = now;
        e.Sequence++;
        if (!EventSchedule.IsRecurring(e))
        {
            // A single event's one occurrence follows the event's times.
            foreach (var row in coming.Concat(await db.EventOccurrences.Where(o => o.EventId == e.Id).ToListAsync(cancellationToken)).Distinct())
            {
                (row.OriginalStart, row.StartsAt, row.EndsAt) = (e.StartsAt, e.StartsAt, e.StartsAt + length);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in coming)
        {
            await places.PromoteAsync(e, row, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
