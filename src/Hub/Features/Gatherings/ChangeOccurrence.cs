using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

public enum OccurrenceChange
{
    CancelThis,
    MoveThis,

    /// <summary>Ends the series before this date.</summary>
    CancelThisAndFollowing,

    /// <summary>Ends the series before this date and starts a new one at the new time, with the same rule.</summary>
    MoveThisAndFollowing,
}

/// <summary>Cancels or moves one date of a series, or this date and the following ones.</summary>
public sealed class ChangeOccurrence(HubDbContext db, Places places, GatheringEmails emails, Notifier notifier, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<(Outcome Outcome, Guid EventId)> RunAsync(Viewer viewer, Guid eventId, string key, OccurrenceChange change,
        string? newDate = null, string? newStart = null, string? newEnd = null, bool hostChecked = false, string? newEndDate = null, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !(hostChecked || viewer.CanHost(e)))
        {
            return (Outcome.Refused(strings["Gatherings.Refused.OnlyHostsDates"]), eventId);
        }
        if (!EventTime.TryParseKey(key, out var original) || !EventSchedule.IsRuleStart(e, original))
        {
            return (Outcome.Refused(strings["Gatherings.Refused.NotEventDate"]), eventId);
        }
        var zone = EventTime.FindZone(e.TimeZone)!;
        DateTime startUtc = default, endUtc = default;
        if (change is OccurrenceChange.MoveThis or OccurrenceChange.MoveThisAndFollowing)
        {
            if (!EventTime.TryParseLocal(newDate, newStart, out var start) || !EventTime.TryParseLocal(string.IsNullOrEmpty(newEndDate) ? newDate : newEndDate, newEnd, out var end))
            {
                return (Outcome.Refused(strings["Gatherings.Refused.NewDate", EventTime.FirstYear, EventTime.LastYear], "NewDate"), eventId);
            }
            if (end <= start)
            {
                return (Outcome.Refused(strings["Gatherings.Refused.NewEndBeforeStart", end.ToString("HH:mm", null), start.ToString("HH:mm", null)], "NewEnd"), eventId);
            }
            (startUtc, endUtc) = (EventTime.ToUtc(start, zone), EventTime.ToUtc(end, zone));
        }
        var now = time.GetUtcNow().UtcDateTime;
        e.Sequence++;
        e.UpdatedAt = now;
        var when = EventTime.Format(original, zone);
        HostLog.Record(db, e.Id, viewer.UserId, change switch
        {
            OccurrenceChange.CancelThis => StoredWords.Of("Log.Event.CancelledDate", when),
            OccurrenceChange.MoveThis => StoredWords.Of("Log.Event.MovedDate", when, EventTime.Format(startUtc, zone)),
            OccurrenceChange.CancelThisAndFollowing => StoredWords.Of("Log.Event.CancelledFrom", when),
            _ => StoredWords.Of("Log.Event.MovedFrom", when, EventTime.Format(startUtc, zone)),
        }, now);
        switch (change)
        {
            case OccurrenceChange.CancelThis or OccurrenceChange.MoveThis:
                {
                    var row = await places.EnsureAsync(e, original, cancellationToken);
                    if (change == OccurrenceChange.CancelThis)
                    {
                        row.IsCancelled = true;
                    }
                    else
                    {
                        (row.StartsAt, row.EndsAt) = (startUtc, endUtc);
                    }
                    await db.SaveChangesAsync(cancellationToken);
                    return (Outcome.Done, e.Id);
                }
            default:
                {
                    var lunar = LunarRhythm.IsLunar(e.Recurrence);
                    RecurrenceRule rule = default!;
                    if (!lunar && (!EventSchedule.IsRecurring(e) || !RecurrenceRule.TryParse(e.Recurrence, out rule, out _)))
                    {
                        return (Outcome.Refused(strings["Gatherings.Refused.NotRepeating"]), eventId);
                    }
                    if (original == e.StartsAt)
                    {
                        return (Outcome.Refused(strings[change == OccurrenceChange.CancelThisAndFollowing
                            ? "Gatherings.Refused.FirstDateCancel" : "Gatherings.Refused.FirstDateEdit"]), eventId);
                    }
                    var before = EventSchedule.RuleStarts(e, original).Count() - 1;
                    var oldRule = e.Recurrence;
                    e.Recurrence = lunar ? LunarRhythm.WithUntil(oldRule, original.AddSeconds(-1)) : rule.WithUntil(original.AddSeconds(-1)).ToString();
                    if (change == OccurrenceChange.CancelThisAndFollowing)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        return (Outcome.Done, e.Id);
                    }
                    await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                    var next = new GatheringEvent
                    {
                        Id = Guid.NewGuid(),
                        Title = e.Title,
                        Description = e.Description,
                        Kind = e.Kind,
                        Scale = e.Scale,
                        CongregationId = e.CongregationId,
                        CrewId = e.CrewId,
                        Visibility = e.Visibility,
                        IsOnline = e.IsOnline,
                        Address = e.Address,
                        Latitude = e.Latitude,
                        Longitude = e.Longitude,
                        CallLink = e.CallLink,
                        TimeZone = e.TimeZone,
                        Capacity = e.Capacity,
                        RequiresApproval = e.RequiresApproval,
                        Questions = e.Questions,
                        AttendeeList = e.AttendeeList,
                        CreatedByUserId = e.CreatedByUserId,
                        CreatedAt = now,
                        UpdatedAt = now,
                        SplitFromId = e.Id,
                        Currency = e.Currency,
                        HoursToPay = e.HoursToPay,
                        AnnouncedAt = e.AnnouncedAt,
                    };
                    var local = EventTime.ToLocal(startUtc, zone);
                    if (lunar)
                    {
                        // The same moon, at the new time: the first pulse on or after the new date.
                        var snappedPulse = LunarRhythm.Starts(oldRule, local, zone, DateTime.MaxValue.AddYears(-1)).First();
                        next.StartsAt = EventTime.ToUtc(snappedPulse, zone);
                        next.Recurrence = oldRule;
                    }
                    else
                    {
                        // The event's own rule, which was checked when it was saved.
                        var continued = RecurrenceRule.TryParse(oldRule, out var parsed, out var problem) ? parsed : throw new InvalidOperationException(problem);
                        if (continued.Count is { } count)
                        {
                            continued = continued with { Count = count - before };
                        }
                        next.StartsAt = EventTime.ToUtc(continued.Snap(local), zone);
                        next.Recurrence = continued.ToString();
                    }
                    next.EndsAt = next.StartsAt + (endUtc - startUtc);
                    db.GatheringEvents.Add(next);
                    // Answers to the whole series go on with the new part of it.
                    var seriesAnswers = await db.Rsvps.AsNoTracking().Where(r => r.EventId == e.Id && r.OccurrenceId == null).ToListAsync(cancellationToken);
                    db.Rsvps.AddRange(seriesAnswers.Select(r => new Rsvp
                    {
                        Id = Guid.NewGuid(),
                        EventId = next.Id,
                        UserId = r.UserId,
                        Status = r.Status,
                        Answers = r.Answers,
                        CreatedAt = r.CreatedAt,
                        UpdatedAt = now,
                    }));
                    await db.SaveChangesAsync(cancellationToken);
                    await CarryDatesAsync(e, next, original, zone, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                    notifier.Wake();
                    return (Outcome.Done, next.Id);
                }
        }
    }

    /// <summary>
    /// Dates from the split on that had a life of their own (answers, a cancellation) go with the new
    /// part of the series when it still meets that day in the event's zone, keyed by its new start.
    /// A date it no longer meets on is gone, as when a rule changes (<see cref="EditEvent"/>): its answers go with it
    /// and whoever meant to come is told. Left behind, the row sat past the old part's end, and a single-date answer
    /// kept the date in that person's calendar feed, though nobody would meet then.
    /// </summary>
    private async Task CarryDatesAsync(GatheringEvent from, GatheringEvent to, DateTime splitAt, NodaTime.DateTimeZone zone, CancellationToken cancellationToken)
    {
        var rows = await db.EventOccurrences.Where(o => o.EventId == from.Id && o.OriginalStart >= splitAt).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }
        var length = to.EndsAt - to.StartsAt;
        var byDay = EventSchedule.RuleStarts(to, rows.Max(r => r.OriginalStart).AddDays(2), max: 5000)
            .GroupBy(s => EventTime.ToLocal(s, zone).Date).ToDictionary(g => g.Key, g => g.First());
        var carried = new List<Guid>();
        foreach (var row in rows)
        {
            if (!byDay.TryGetValue(EventTime.ToLocal(row.OriginalStart, zone).Date, out var start))
            {
                continue;
            }
            carried.Add(row.Id);
            var movedOnItsOwn = row.StartsAt != row.OriginalStart;
            (row.EventId, row.OriginalStart) = (to.Id, start);
            if (!movedOnItsOwn)
            {
                (row.StartsAt, row.EndsAt) = (start, start + length);
            }
        }
        // The answers to the carried dates follow them, in one statement rather than one per date.
        await db.Rsvps.Where(r => r.OccurrenceId != null && carried.Contains(r.OccurrenceId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.EventId, to.Id), cancellationToken);
        var dropped = rows.Where(r => !carried.Contains(r.Id)).ToList();
        if (dropped.Count == 0)
        {
            return;
        }
        var ids = dropped.Select(r => r.Id).ToList();
        var answers = await db.Rsvps.Include(r => r.User).Where(r => r.OccurrenceId != null && ids.Contains(r.OccurrenceId.Value)).ToListAsync(cancellationToken);
        await notifier.NotifyManyAsync([.. answers.Where(a => a.Status != RsvpStatus.CantGo)
            .Select(answer => emails.DateDropped(to, dropped.First(r => r.Id == answer.OccurrenceId).StartsAt, answer.User))], cancellationToken);
        db.Rsvps.RemoveRange(answers);
        db.EventOccurrences.RemoveRange(dropped);
    }
}
