using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Reminds people who are going, 24 hours and 1 hour before a date, as each prefers. Each reminder is
/// claimed by inserting its unique row in the same transaction as its email: whichever node or run
/// inserts first sends it, every other one fails on the unique index and moves on. Nothing lives in
/// memory, so a restart picks up exactly where the database says.
/// </summary>
public sealed class SendReminders(HubDbContext db, Notifier notifier, GatheringEmails emails, IEnumerable<ICohortRooms> cohorts)
{
    public static readonly int[] Offsets = [24 * 60, 60];

    /// <summary>Sends every reminder due at <paramref name="nowUtc"/>; returns how many this run sent.</summary>
    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var horizon = nowUtc.AddMinutes(Offsets.Max());
        var due = new List<(GatheringEvent Event, EventOccurrence Occurrence, string UserId)>();
        // Answers to single dates.
        var dated = await db.Rsvps.AsNoTracking().Include(r => r.Occurrence)
            .Where(r => r.Status == RsvpStatus.Going && r.Occurrence != null && !r.Occurrence.IsCancelled && r.Occurrence.StartsAt > nowUtc && r.Occurrence.StartsAt <= horizon)
            .ToListAsync(cancellationToken);
        var eventIds = dated.Select(r => r.EventId).ToHashSet();
        // Answers to whole series: their dates in the next day.
        var series = await db.Rsvps.AsNoTracking().Where(r => r.Status == RsvpStatus.Going && r.OccurrenceId == null).ToListAsync(cancellationToken);
        eventIds.UnionWith(series.Select(r => r.EventId));
        var events = await db.GatheringEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id) && e.CancelledAt == null).ToDictionaryAsync(e => e.Id, cancellationToken);
        // Someone going to a whole series who said they can't go (or maybe) to one date is not reminded of that date.
        var seriesIds = series.Select(r => r.EventId).ToList();
        var notThatDate = (await db.Rsvps.AsNoTracking()
            .Where(r => seriesIds.Contains(r.EventId) && r.Occurrence != null && r.Status != RsvpStatus.Going && r.Occurrence.StartsAt > nowUtc && r.Occurrence.StartsAt <= horizon)
            .Select(r => new { r.EventId, r.UserId, r.Occurrence!.OriginalStart }).ToListAsync(cancellationToken))
            .Select(r => (r.EventId, r.UserId, r.OriginalStart)).ToHashSet();
        foreach (var r in dated.Where(r => events.ContainsKey(r.EventId)))
        {
            due.Add((events[r.EventId], r.Occurrence!, r.UserId));
        }
        foreach (var group in series.Where(r => events.ContainsKey(r.EventId)).GroupBy(r => r.EventId))
        {
            var e = events[group.Key];
            var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == e.Id).ToListAsync(cancellationToken);
            foreach (var o in EventSchedule.Between(e, rows, nowUtc, horizon).Where(o => !o.IsCancelled && o.StartsAt > nowUtc))
            {
                var occurrence = o.Row ?? new EventOccurrence { EventId = e.Id, OriginalStart = o.OriginalStart, StartsAt = o.StartsAt, EndsAt = o.EndsAt };
                due.AddRange(group.Where(r => !notThatDate.Contains((e.Id, r.UserId, o.OriginalStart))).Select(r => (e, occurrence, r.UserId)));
            }
        }
        if (due.Count == 0)
        {
            return 0;
        }
        var userIds = due.Select(d => d.UserId).Distinct().ToList();
        var preferences = await db.ReminderPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var sent = 0;
        foreach (var (e, occurrence, userId) in due.DistinctBy(d => (d.Event.Id, d.Occurrence.OriginalStart, d.UserId)))
        {
            var wanted = Offsets.Where(minutes => preferences.TryGetValue(userId, out var p) ? (minutes == 60 ? p.HourBefore : p.DayBefore) : true).ToList();
            // Due offsets: the reminder time has come. Only the nearest is sent; a missed earlier one is recorded as skipped.
            var dueOffsets = wanted.Where(m => occurrence.StartsAt.AddMinutes(-m) <= nowUtc).OrderBy(m => m).ToList();
            if (dueOffsets.Count == 0 || !people.TryGetValue(userId, out var person))
            {
                continue;
            }
            if (await ClaimAsync(e, occurrence, person, dueOffsets, nowUtc, cancellationToken))
            {
                sent++;
            }
        }
        if (sent > 0)
        {
            notifier.Wake();
        }
        return sent;
    }

    private async Task<bool> ClaimAsync(GatheringEvent e, EventOccurrence occurrence, HubUser person, IReadOnlyList<int> offsets, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var nearest = offsets[0];
        var already = await db.SentReminders.Where(s => s.EventId == e.Id && s.OccurrenceStart == occurrence.OriginalStart && s.UserId == person.Id)
            .Select(s => s.MinutesBefore).ToListAsync(cancellationToken);
        if (already.Contains(nearest) || already.Any(m => m < nearest))
        {
            return false;
        }
        foreach (var minutes in offsets.Where(m => !already.Contains(m)))
        {
            db.SentReminders.Add(new SentReminder
            {
                Id = Guid.NewGuid(),
                EventId = e.Id,
                OccurrenceStart = occurrence.OriginalStart,
                UserId = person.Id,
                MinutesBefore = minutes,
                SentAt = nowUtc,
            });
        }
        // Before a cohort's call: the person's breakout room and who is in it.
        var rooms = new List<CohortRoom>();
        foreach (var cohort in cohorts)
        {
            rooms.AddRange(await cohort.ForDateAsync(e.Id, occurrence.OriginalStart, person.Id, cancellationToken));
        }
        await notifier.NotifyAsync(emails.Reminder(e, occurrence, person, nearest, rooms), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run claimed it first: its row and its email are the ones that count.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
