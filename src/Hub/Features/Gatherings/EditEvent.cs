using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Changes an event. Places cannot drop below the people already going to a coming date; more places
/// promote people from the waitlists at once. A new rule keeps the answers to every coming date it
/// still has (the same day in the event's zone) and drops the others, telling those people.
/// </summary>
public sealed class EditEvent(HubDbContext db, Places places, GatheringEmails emails, Notifier notifier, TimeProvider time,
    IEnumerable<Platform.Contracts.IAnnouncementSink> sinks, Platform.Web.PublicAddress links, AnswersMoved moved,
    IStringLocalizer<Strings> strings)
{
    /// <param name="hostChecked">The caller has decided who may host (finding a time).</param>
    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, EventInput input, bool hostChecked = false, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !(hostChecked || viewer.CanHost(e)))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsChange"]);
        }
        var c = CreateEvent.Check(input, strings);
        if (!c.Outcome.Succeeded)
        {
            return c.Outcome;
        }
        var now = time.GetUtcNow().UtcDateTime;
        // Inside a caller's transaction (finding a time), take part in it rather than open another.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var coming = await db.EventOccurrences.Where(o => o.EventId == e.Id && o.EndsAt > now).ToListAsync(cancellationToken);
        if (input.Capacity is { } capacity && coming.Where(o => !o.IsCancelled && o.GoingCount > capacity).OrderByDescending(o => o.GoingCount).FirstOrDefault() is { } fuller)
        {
            var zone = EventTime.FindZone(e.TimeZone)!;
            return Outcome.Refused(strings["Gatherings.Refused.FewerPlaces", fuller.GoingCount, EventTime.Format(fuller.StartsAt, zone)], "Capacity");
        }
        var timesChanged = c.StartUtc != e.StartsAt || c.EndUtc != e.EndsAt || c.Recurrence != e.Recurrence || c.Zone!.Id != e.TimeZone;
        var wasRecurring = EventSchedule.IsRecurring(e);
        var oldZone = EventTime.FindZone(e.TimeZone)!;
        var wasPublic = e.Visibility == EventVisibility.Public;
        var length = c.EndUtc - c.StartUtc;
        CreateEvent.Apply(e, input, c);
        e.UpdatedAt = now;
        HostLog.Record(db, e.Id, viewer.UserId, StoredWords.Of(timesChanged ? "Log.Event.ChangedDetailsAndTime" : "Log.Event.ChangedDetails"), now);
        e.Sequence++;
        if (timesChanged && wasRecurring)
        {
            await FollowNewRuleAsync(e, coming, oldZone, length, now, cancellationToken);
        }
        else if (!EventSchedule.IsRecurring(e))
        {
            // A single event's one occurrence follows the event's times.
            foreach (var row in coming.Concat(await db.EventOccurrences.Where(o => o.EventId == e.Id).ToListAsync(cancellationToken)).Distinct())
            {
                (row.OriginalStart, row.StartsAt, row.EndsAt) = (e.StartsAt, e.StartsAt, e.StartsAt + length);
            }
        }
        if (!wasPublic)
        {
            // Made public by this edit: news for the chat tools, once in the event's life.
            await CreateEvent.AnnounceOnceAsync(e, sinks, links, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in coming.Where(r => db.Entry(r).State != EntityState.Detached && !r.IsCancelled))
        {
            await places.PromoteAsync(e, row, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        notifier.Wake();
        // More places moved people up from the waitlist: a cohort tied to the event takes them in.
        await moved.RaiseAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>
    /// Each coming date with a life of its own (answers, a change, a cancellation) is looked for in the
    /// new rule on the same day in the event's zone: found, it takes the new rule's start as its key
    /// (and its times, unless it had been moved on its own); not found, its answers are dropped and
    /// the people who meant to come are told.
    /// </summary>
    private async Task FollowNewRuleAsync(GatheringEvent e, List<EventOccurrence> coming, NodaTime.DateTimeZone oldZone, TimeSpan length, DateTime now, CancellationToken cancellationToken)
    {
        if (coming.Count == 0)
        {
            return;
        }
        var zone = EventTime.FindZone(e.TimeZone)!;
        var horizon = coming.Max(r => r.OriginalStart).AddDays(2);
        var newByDay = EventSchedule.RuleStarts(e, horizon, max: 5000).Where(s => s + length > now)
            .GroupBy(s => EventTime.ToLocal(s, zone).Date).ToDictionary(g => g.Key, g => g.First());
        var dropped = new List<EventOccurrence>();
        foreach (var row in coming)
        {
            var day = EventTime.ToLocal(row.OriginalStart, oldZone).Date;
            if (newByDay.TryGetValue(day, out var start))
            {
                var movedOnItsOwn = row.StartsAt != row.OriginalStart;
                row.OriginalStart = start;
                if (!movedOnItsOwn)
                {
                    (row.StartsAt, row.EndsAt) = (start, start + length);
                }
            }
            else
            {
                dropped.Add(row);
            }
        }
        if (dropped.Count == 0)
        {
            return;
        }
        var ids = dropped.Select(r => r.Id).ToList();
        var answers = await db.Rsvps.Include(r => r.User).Where(r => r.OccurrenceId != null && ids.Contains(r.OccurrenceId.Value)).ToListAsync(cancellationToken);
        await notifier.NotifyManyAsync([.. answers.Where(a => a.Status != RsvpStatus.CantGo)
            .Select(answer => emails.DateDropped(e, dropped.First(r => r.Id == answer.OccurrenceId).StartsAt, answer.User))], cancellationToken);
        db.Rsvps.RemoveRange(answers);
        db.EventOccurrences.RemoveRange(dropped);
        foreach (var row in dropped)
        {
            coming.Remove(row);
        }
    }
}
