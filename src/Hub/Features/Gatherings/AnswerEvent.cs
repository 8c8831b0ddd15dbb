using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Going, maybe or can't go, to one occurrence or to the whole series (with limited places, date by
/// date: a place where there is room, the waitlist elsewhere). "Going" to a full occurrence puts the person on its waitlist; leaving a place
/// promotes the first person waiting.
/// </summary>
public sealed class AnswerEvent(HubDbContext db, Places places, GatheringEmails emails, Notifier notifier, TimeProvider time,
    AnswersMoved moved, IStringLocalizer<Strings> strings)
{
    /// <summary>The answer as it stands; <paramref name="Summary"/> says date by date what a series answer gave.</summary>
    public sealed record Result(Outcome Outcome, RsvpStatus? Status = null, string? Summary = null);

    /// <summary>How far ahead "going to every date" takes places when they are limited: far enough to plan, near enough that places are not held for ever.</summary>
    public const int SeriesHorizonDays = 183;

    public async Task<Result> RunAsync(Viewer viewer, Guid eventId, string? occurrenceKey, RsvpStatus wanted, string answers = "", CancellationToken cancellationToken = default)
    {
        var result = await AnswerAsync(viewer, eventId, occurrenceKey, wanted, answers, cancellationToken);
        if (result.Outcome.Succeeded)
        {
            moved.Note(eventId, viewer.UserId!);
        }
        // After the answer's commit: what follows from it (a program's cohort, for the person and anyone the
        // waitlist moved up) never undoes the answer.
        await moved.RaiseAsync(cancellationToken);
        return result;
    }

    private async Task<Result> AnswerAsync(Viewer viewer, Guid eventId, string? occurrenceKey, RsvpStatus wanted, string answers, CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.SignIn"]));
        }
        if (wanted is not (RsvpStatus.Going or RsvpStatus.Maybe or RsvpStatus.CantGo))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.UnknownAnswer"]));
        }
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanSee(e))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.NotOpen"]));
        }
        if (e.CancelledAt is not null)
        {
            return new(Outcome.Refused(strings["Gatherings.Show.Cancelled"]));
        }
        if (e.Approval != EventApproval.Approved)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.Proposal"]));
        }
        if (wanted == RsvpStatus.Going && !string.IsNullOrWhiteSpace(e.Questions) && string.IsNullOrWhiteSpace(answers))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.Questions"], "Answers"));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var recurring = EventSchedule.IsRecurring(e);
        if (recurring && occurrenceKey is null)
        {
            return e.Capacity is not null && wanted == RsvpStatus.Going
                ? await AnswerEveryDateAsync(viewer, e, answers, now, cancellationToken)
                : new(await AnswerSeriesAsync(viewer, e, wanted, answers, now, cancellationToken), wanted);
        }
        DateTime originalStart;
        if (!recurring)
        {
            originalStart = e.StartsAt;
        }
        else if (!EventTime.TryParseKey(occurrenceKey, out originalStart) || !EventSchedule.IsRuleStart(e, originalStart))
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.NotADate"]));
        }
        return await AnswerDateAsync(viewer, e, originalStart, wanted, answers, now, tell: true, cancellationToken);
    }

    private async Task<Result> AnswerDateAsync(Viewer viewer, GatheringEvent e, DateTime originalStart, RsvpStatus wanted, string answers, DateTime now, bool tell, CancellationToken cancellationToken)
    {
        var occurrence = await places.EnsureAsync(e, originalStart, cancellationToken);
        if (occurrence.IsCancelled)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.DateCancelled"]));
        }
        if (occurrence.EndsAt < now)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.DateOver"]));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rsvp = await db.Rsvps.Include(r => r.User).SingleOrDefaultAsync(r => r.OccurrenceId == occurrence.Id && r.UserId == viewer.UserId, cancellationToken);
        var before = rsvp?.Status;
        if (wanted == RsvpStatus.Going && before is RsvpStatus.Going or RsvpStatus.Waitlisted or RsvpStatus.AwaitingApproval)
        {
            return new(Outcome.Done, before);
        }
        if (rsvp is null)
        {
            rsvp = new Rsvp { Id = Guid.NewGuid(), EventId = e.Id, OccurrenceId = occurrence.Id, UserId = viewer.UserId!, CreatedAt = now };
            db.Rsvps.Add(rsvp);
        }
        rsvp.UpdatedAt = now;
        rsvp.Answers = answers.Trim();
        if (wanted == RsvpStatus.Going)
        {
            rsvp.Arrival = await places.NextArrivalAsync(occurrence.Id, cancellationToken);
            rsvp.Status = e.RequiresApproval ? RsvpStatus.AwaitingApproval
                : await places.TakeAsync(occurrence.Id, e.Capacity, cancellationToken) ? RsvpStatus.Going : RsvpStatus.Waitlisted;
        }
        else
        {
            rsvp.Status = wanted;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (before == RsvpStatus.Going)
        {
            await places.ReleaseAsync(occurrence.Id, cancellationToken);
            await places.PromoteAsync(e, occurrence, cancellationToken);
        }
        if (rsvp.Status == RsvpStatus.Going && tell)
        {
            await db.Entry(rsvp).Reference(r => r.User).LoadAsync(cancellationToken);
            await notifier.NotifyAsync(emails.Going(e, occurrence, rsvp.User), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return new(Outcome.Done, rsvp.Status);
    }

    /// <summary>
    /// "Going to every date" when places are limited: each coming date (for the next six months) is
    /// answered on its own, in its own transaction, so the person holds a place wherever there is room
    /// and waits in line, in arrival order, wherever there is not. One message says which is which.
    /// </summary>
    private async Task<Result> AnswerEveryDateAsync(Viewer viewer, GatheringEvent e, string answers, DateTime now, CancellationToken cancellationToken)
    {
        var horizon = now.AddDays(SeriesHorizonDays);
        var rows = await db.EventOccurrences.AsNoTracking().Where(o => o.EventId == e.Id).ToListAsync(cancellationToken);
        var dates = EventSchedule.Between(e, rows, now, horizon, max: 60).Where(o => !o.IsCancelled && o.EndsAt > now).ToList();
        if (dates.Count == 0)
        {
            return new(Outcome.Refused(strings["Gatherings.Refused.NoSeriesDates"]));
        }
        var zone = viewer.ZoneFor(e);
        var byStatus = new Dictionary<RsvpStatus, List<DateTime>>();
        foreach (var date in dates)
        {
            var result = await AnswerDateAsync(viewer, e, date.OriginalStart, RsvpStatus.Going, answers, now, tell: false, cancellationToken);
            if (result.Status is { } status)
            {
                (byStatus.TryGetValue(status, out var list) ? list : byStatus[status] = []).Add(date.StartsAt);
            }
        }
        var dated = new AnsweredDates(byStatus.GetValueOrDefault(RsvpStatus.Going) ?? [], byStatus.GetValueOrDefault(RsvpStatus.Waitlisted) ?? [],
            byStatus.GetValueOrDefault(RsvpStatus.AwaitingApproval) ?? [], horizon, zone);
        var going = dated.Going.Select(d => EventTime.Format(d, zone)).ToList();
        var waiting = dated.Waiting.Select(d => EventTime.Format(d, zone)).ToList();
        var pending = dated.Pending.Select(d => EventTime.Format(d, zone)).ToList();
        // The exceptions are named one by one; the dates with a place, usually most of them, as a range.
        var parts = new List<string>();
        if (waiting.Count > 0)
        {
            parts.Add(strings.Plural(going.Count + pending.Count > 0 ? "Gatherings.Series.SomeFull" : "Gatherings.Series.AllFull", waiting.Count, string.Join("; ", waiting)));
        }
        if (pending.Count > 0)
        {
            parts.Add(strings.Plural("Gatherings.Series.Pending", pending.Count, string.Join("; ", pending)));
        }
        if (going.Count > 0)
        {
            parts.Add(waiting.Count + pending.Count == 0
                ? strings.Plural("Gatherings.Series.PlaceOnEvery", going.Count, going[0], going[^1])
                : strings.Plural("Gatherings.Series.PlaceOnOthers", going.Count, going[0], going[^1]));
        }
        parts.Add(strings["Gatherings.Series.NotCountedYet", Day(horizon, zone)]);
        var summary = string.Join(" ", parts);
        var user = await db.Users.SingleAsync(u => u.Id == viewer.UserId, cancellationToken);
        // The page says it in English; the email says the same in the person's own language.
        await notifier.NotifyAsync(emails.AnsweredEveryDate(e, dated, user), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        var overall = waiting.Count == 0 && pending.Count == 0 ? RsvpStatus.Going : going.Count == 0 && pending.Count == 0 ? RsvpStatus.Waitlisted : (RsvpStatus?)null;
        return new(Outcome.Done, overall ?? RsvpStatus.Going, summary);
    }

    private static string Day(DateTime utc, NodaTime.DateTimeZone zone) =>
        DateFormats.Format(EventTime.ToLocal(utc, zone).ToDateTimeUnspecified(), "d MMMM yyyy");

    private async Task<Outcome> AnswerSeriesAsync(Viewer viewer, GatheringEvent e, RsvpStatus wanted, string answers, DateTime now, CancellationToken cancellationToken)
    {
        var rsvp = await db.Rsvps.SingleOrDefaultAsync(r => r.EventId == e.Id && r.OccurrenceId == null && r.UserId == viewer.UserId, cancellationToken);
        if (rsvp is null)
        {
            rsvp = new Rsvp { Id = Guid.NewGuid(), EventId = e.Id, UserId = viewer.UserId!, CreatedAt = now };
            db.Rsvps.Add(rsvp);
        }
        rsvp.Status = wanted == RsvpStatus.Going && e.RequiresApproval ? RsvpStatus.AwaitingApproval : wanted;
        rsvp.Answers = answers.Trim();
        rsvp.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused(strings["Gatherings.Refused.SeriesRace"]);
        }
        return Outcome.Done;
    }
}
