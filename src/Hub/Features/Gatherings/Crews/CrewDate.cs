using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// One date of a gathering as one viewer may see its temporary crews: the people going to it (a "going" to that
/// date, or to the whole series without another answer for that date), the crews if any were formed, and whether
/// the viewer hosts the event or is going.
/// </summary>
public sealed record CrewDate(Viewer Viewer, GatheringEvent Event, Occurrence Date, IReadOnlySet<string> Going, GatheringCrewSet? Set)
{
    public bool IsHost => Viewer.CanHost(Event);
    public bool IsGoing => Viewer.UserId is { } me && Going.Contains(me);

    /// <summary>Attendees see the crews once published; hosts see them from the moment they are formed.</summary>
    public bool ShowsCrews => Set is not null && (IsHost || (Set.Stage == GatheringCrewStage.Published && IsGoing));

    /// <summary>Attendees may say privately whom they would rather not sit with until the crews are formed.</summary>
    public bool TakesRatherNots => Set is null && IsGoing && !Date.IsCancelled;
}

public sealed class CrewDateAccess(HubDbContext db, ViewerLoader viewers, TimeProvider time)
{
    /// <summary>Null when the event does not exist, the viewer may not see it, or the date is not one of its dates.</summary>
    public async Task<CrewDate?> LoadAsync(System.Security.Claims.ClaimsPrincipal user, Guid eventId, string? date, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(user, cancellationToken);
        return await LoadAsync(viewer, eventId, date, cancellationToken);
    }

    public async Task<CrewDate?> LoadAsync(Viewer viewer, Guid eventId, string? date, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanSee(e))
        {
            return null;
        }
        var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == eventId).ToListAsync(cancellationToken);
        var selected = Pick(e, rows, date, time.GetUtcNow().UtcDateTime);
        if (selected is null)
        {
            return null;
        }
        var going = await GoingAsync(db, e.Id, selected.Row?.Id, cancellationToken);
        var set = await db.GatheringCrewSets.AsNoTracking().Include(s => s.Crews).ThenInclude(c => c.Members)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.EventId == eventId && s.OccurrenceStart == selected.OriginalStart, cancellationToken);
        return new CrewDate(viewer, e, selected, going, set);
    }

    /// <summary>The date asked for; without one, the date under way or the next to come; for a single event, its one date.</summary>
    public static Occurrence? Pick(GatheringEvent e, IReadOnlyList<EventOccurrence> rows, string? date, DateTime now)
    {
        if (date is not null)
        {
            return EventTime.TryParseKey(date, out var key)
                ? EventSchedule.Between(e, rows, key.AddDays(-1), key.AddDays(40), 50).FirstOrDefault(o => o.OriginalStart == key)
                : null;
        }
        if (!EventSchedule.IsRecurring(e))
        {
            return EventSchedule.Between(e, rows, DateTime.MinValue.AddYears(1), DateTime.MaxValue.AddYears(-1), 1) is [var only, ..] ? only : null;
        }
        var coming = EventSchedule.Between(e, rows, now, now.AddYears(2), 8);
        return coming.FirstOrDefault(o => !o.IsCancelled) ?? (coming.Count > 0 ? coming[0] : null);
    }

    /// <summary>The dates a host can choose between: the chosen one and the next few.</summary>
    public async Task<IReadOnlyList<Occurrence>> DatesAsync(CrewDate view, CancellationToken cancellationToken)
    {
        if (!EventSchedule.IsRecurring(view.Event))
        {
            return [view.Date];
        }
        var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == view.Event.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var dates = EventSchedule.Between(view.Event, rows, now.AddDays(-7), now.AddYears(1), 8).Where(o => !o.IsCancelled).ToList();
        if (dates.All(d => d.OriginalStart != view.Date.OriginalStart))
        {
            dates.Insert(0, view.Date);
        }
        return dates;
    }

    /// <summary>
    /// Everyone going to a date: a "going" to that date, or to the whole series unless they answered that date otherwise.
    /// </summary>
    public static async Task<IReadOnlySet<string>> GoingAsync(HubDbContext db, Guid eventId, Guid? occurrenceRowId, CancellationToken cancellationToken)
    {
        var answers = await db.Rsvps.AsNoTracking()
            .Where(r => r.EventId == eventId && (r.OccurrenceId == null || (occurrenceRowId != null && r.OccurrenceId == occurrenceRowId)))
            .Select(r => new { r.UserId, r.OccurrenceId, r.Status }).ToListAsync(cancellationToken);
        var forDate = answers.Where(a => a.OccurrenceId != null).ToDictionary(a => a.UserId, a => a.Status);
        return answers.Where(a => a.Status == RsvpStatus.Going && (a.OccurrenceId != null || !forDate.ContainsKey(a.UserId)))
            .Select(a => a.UserId).ToHashSet();
    }

    /// <summary>The viewer's own "rather not"s for the date, for their form only.</summary>
    public async Task<HashSet<string>> RatherNotsOfAsync(CrewDate view, CancellationToken cancellationToken) =>
        view.Viewer.UserId is not { } me ? [] : (await db.GatheringRatherNots.AsNoTracking()
            .Where(r => r.EventId == view.Event.Id && r.OccurrenceStart == view.Date.OriginalStart && r.FromUserId == me)
            .Select(r => r.AboutUserId).ToListAsync(cancellationToken)).ToHashSet();
}
