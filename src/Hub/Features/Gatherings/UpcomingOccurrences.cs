using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>A date of an event, with the event, as lists show it.</summary>
public sealed record EventDate(GatheringEvent Event, Occurrence Occurrence, string OwnerName);

/// <summary>The coming dates of the events a viewer may see, soonest first.</summary>
public sealed class UpcomingOccurrences(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> words) : IUpcomingEvents
{
    public async Task<IReadOnlyList<EventDate>> ListAsync(Viewer viewer, DateTime fromUtc, DateTime toUtc, int max, CancellationToken cancellationToken = default)
    {
        // Single events in the window, and every series that started before its end (a series has no end column).
        var events = await db.GatheringEvents.AsNoTracking()
            .Where(e => e.CancelledAt == null && e.StartsAt < toUtc && (e.Recurrence != "" || e.EndsAt > fromUtc))
            .ToListAsync(cancellationToken);
        events = [.. events.Where(viewer.CanSee)];
        var ids = events.Select(e => e.Id).ToList();
        var rows = (await db.EventOccurrences.AsNoTracking().Where(o => ids.Contains(o.EventId)).ToListAsync(cancellationToken))
            .ToLookup(o => o.EventId);
        var owners = await OwnerNamesAsync(events, cancellationToken);
        return [.. events
            .SelectMany(e => EventSchedule.Between(e, rows[e.Id], fromUtc, toUtc, max).Where(o => !o.IsCancelled).Select(o => new EventDate(e, o, owners[e.Id])))
            .OrderBy(d => d.Occurrence.StartsAt).ThenBy(d => d.Event.Title)
            .Take(max)];
    }

    public async Task<Dictionary<Guid, string>> OwnerNamesAsync(IReadOnlyCollection<GatheringEvent> events, CancellationToken cancellationToken)
    {
        var congregationIds = events.Where(e => e.CongregationId is not null).Select(e => e.CongregationId!.Value).Distinct().ToList();
        var crewIds = events.Where(e => e.CrewId is not null).Select(e => e.CrewId!.Value).Distinct().ToList();
        var congregations = await db.Congregations.AsNoTracking().Where(c => congregationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var crews = await db.Crews.AsNoTracking().Where(c => crewIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return events.ToDictionary(e => e.Id, e => e.Scale switch
        {
            EventScale.Crew => crews.GetValueOrDefault(e.CrewId ?? Guid.Empty, words["Gatherings.Owner.ACrew"]),
            EventScale.Congregation => congregations.GetValueOrDefault(e.CongregationId ?? Guid.Empty, words["Gatherings.Owner.ACongregation"]),
            _ => words["Gatherings.Scale.Network"],
        });
    }

    public async Task<IReadOnlyList<UpcomingEvent>> ForCongregationAsync(Guid congregationId, bool asMember, int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var to = now.AddDays(400);
        var events = await db.GatheringEvents.AsNoTracking()
            .Where(e => e.CongregationId == congregationId && e.Scale == EventScale.Congregation && e.CancelledAt == null && e.Approval == EventApproval.Approved
                && e.StartsAt < to && (e.Recurrence != "" || e.EndsAt > now)
                && (e.Visibility == EventVisibility.Public || (asMember && e.Visibility == EventVisibility.CongregationOnly)))
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }
        var ids = events.Select(e => e.Id).ToList();
        var rows = (await db.EventOccurrences.AsNoTracking().Where(o => ids.Contains(o.EventId)).ToListAsync(cancellationToken)).ToLookup(o => o.EventId);
        var owner = await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId).Select(c => c.Name).SingleAsync(cancellationToken);
        return [.. events
            .SelectMany(e => EventSchedule.Between(e, rows[e.Id], now, to, count).Where(o => !o.IsCancelled).Select(o => (e, o)))
            .OrderBy(x => x.o.StartsAt).ThenBy(x => x.e.Title)
            .Take(count)
            .Select(x => new UpcomingEvent(x.e.Title, $"/gatherings/{x.e.Id}?date={x.o.Key}", x.o.StartsAt, x.e.TimeZone, owner, x.e.IsOnline, x.o.EndsAt, x.e.Address))];
    }

    /// <summary>For the home page and other features: public dates only.</summary>
    public async Task<IReadOnlyList<UpcomingEvent>> NextAsync(int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dates = await ListAsync(Viewer.Anonymous, now, now.AddDays(400), count, cancellationToken);
        return [.. dates.Select(d => new UpcomingEvent(d.Event.Title, $"/gatherings/{d.Event.Id}?date={d.Occurrence.Key}", d.Occurrence.StartsAt, d.Event.TimeZone, d.OwnerName, d.Event.IsOnline))];
    }
}
