using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Going, maybe or can't go, to one occurrence or (for a recurring event without a limit of places)
/// to the whole series. "Going" to a full occurrence puts the person on its waitlist; leaving a place
/// promotes the first person waiting.
/// </summary>
public sealed class AnswerEvent(HubDbContext db, Places places, GatheringEmails emails, Notifier notifier, TimeProvider time)
{
    public sealed record Result(Outcome Outcome, RsvpStatus? Status = null);

    public async Task<Result> RunAsync(Viewer viewer, Guid eventId, string? occurrenceKey, RsvpStatus wanted, string answers = "", CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return new(Outcome.Refused("Sign in to answer."));
        }
        if (wanted is not (RsvpStatus.Going or RsvpStatus.Maybe or RsvpStatus.CantGo))
        {
            return new(Outcome.Refused("Answer going, maybe or can't go."));
        }
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanSee(e))
        {
            return new(Outcome.Refused("This event does not exist or is not open to you."));
        }
        if (e.CancelledAt is not null)
        {
            return new(Outcome.Refused("This event was cancelled."));
        }
        if (wanted == RsvpStatus.Going && !string.IsNullOrWhiteSpace(e.Questions) && string.IsNullOrWhiteSpace(answers))
        {
            return new(Outcome.Refused("The hosts ask a few questions before you come: answer them in your own words.", "Answers"));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var recurring = EventSchedule.IsRecurring(e);
        if (recurring && occurrenceKey is null)
        {
            return new(await AnswerSeriesAsync(viewer, e, wanted, answers, now, cancellationToken), wanted);
        }
        DateTime originalStart;
        if (!recurring)
        {
            originalStart = e.StartsAt;
        }
        else if (!EventTime.TryParseKey(occurrenceKey, out originalStart) || !EventSchedule.IsRuleStart(e, originalStart))
        {
            return new(Outcome.Refused("This date is not one of the event's."));
        }
        var occurrence = await places.EnsureAsync(e, originalStart, cancellationToken);
        if (occurrence.IsCancelled)
        {
            return new(Outcome.Refused("This date was cancelled."));
        }
        if (occurrence.EndsAt < now)
        {
            return new(Outcome.Refused("This date is over."));
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
        if (rsvp.Status == RsvpStatus.Going)
        {
            await db.Entry(rsvp).Reference(r => r.User).LoadAsync(cancellationToken);
            await notifier.NotifyAsync(emails.Going(e, occurrence, rsvp.User), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return new(Outcome.Done, rsvp.Status);
    }

    private async Task<Outcome> AnswerSeriesAsync(Viewer viewer, GatheringEvent e, RsvpStatus wanted, string answers, DateTime now, CancellationToken cancellationToken)
    {
        if (e.Capacity is not null && wanted == RsvpStatus.Going)
        {
            return Outcome.Refused("Places are counted date by date for this series: answer the dates you come to.");
        }
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
            return Outcome.Refused("You answered this series a moment ago in another window; reload the page.");
        }
        return Outcome.Done;
    }
}
