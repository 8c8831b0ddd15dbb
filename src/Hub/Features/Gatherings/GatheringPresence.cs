using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Members who said they were going to a gathering that took place in a window. An answer is the closest record
/// the hub keeps of being there: nobody is checked in at the door.
/// </summary>
public sealed class GatheringPresence(HubDbContext db) : IGatheringPresence
{
    public async Task<IReadOnlySet<string>> MembersSeenAsync(Guid congregationId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var answers = await db.Rsvps.AsNoTracking()
            .Where(r => r.Status == RsvpStatus.Going
                && db.Memberships.Any(m => m.CongregationId == congregationId && m.UserId == r.UserId)
                && db.GatheringEvents.Any(e => e.Id == r.EventId && e.Kind == EventKind.Gathering && e.CancelledAt == null && e.StartsAt < toUtc
                    && ((e.Scale == EventScale.Congregation && e.CongregationId == congregationId) || e.Scale == EventScale.Network)))
            .Select(r => new
            {
                r.UserId,
                r.EventId,
                Answered = r.OccurrenceId != null,
                Start = r.Occurrence != null ? r.Occurrence.StartsAt : (DateTime?)null,
                Cancelled = r.Occurrence != null && r.Occurrence.IsCancelled,
            })
            .ToListAsync(cancellationToken);
        var seen = answers.Where(a => a.Answered && !a.Cancelled && a.Start >= fromUtc && a.Start < toUtc).Select(a => a.UserId).ToHashSet();

        // An answer to a whole series (or to a single event) counts when one of its dates fell in the window.
        var whole = answers.Where(a => !a.Answered && !seen.Contains(a.UserId)).ToList();
        if (whole.Count == 0)
        {
            return seen;
        }
        var ids = whole.Select(a => a.EventId).Distinct().ToList();
        var events = await db.GatheringEvents.AsNoTracking().Include(e => e.Occurrences).Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var held = events.Where(e => EventSchedule.Between(e, e.Occurrences, fromUtc, toUtc, 50).Any(o => !o.IsCancelled && o.StartsAt >= fromUtc))
            .Select(e => e.Id).ToHashSet();
        seen.UnionWith(whole.Where(a => held.Contains(a.EventId)).Select(a => a.UserId));
        return seen;
    }
}
