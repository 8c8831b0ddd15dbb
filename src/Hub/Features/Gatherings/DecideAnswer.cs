using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>A host approves or declines someone waiting for approval; approval takes a place if one is left, else the waitlist.</summary>
public sealed class DecideAnswer(HubDbContext db, Places places, GatheringEmails emails, Notifier notifier, TimeProvider time, AnswersMoved moved,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Viewer viewer, Guid rsvpId, bool approve, CancellationToken cancellationToken = default)
    {
        var rsvp = await db.Rsvps.Include(r => r.User).Include(r => r.Occurrence).SingleOrDefaultAsync(r => r.Id == rsvpId, cancellationToken);
        var e = rsvp is null ? null : await db.GatheringEvents.AsNoTracking().SingleAsync(x => x.Id == rsvp.EventId, cancellationToken);
        if (rsvp is null || e is null || !viewer.CanHost(e))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsDecide"]);
        }
        if (rsvp.Status != RsvpStatus.AwaitingApproval)
        {
            return Outcome.Refused(strings["Gatherings.Refused.DecidedAlready"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        rsvp.UpdatedAt = time.GetUtcNow().UtcDateTime;
        HostLog.Record(db, e.Id, viewer.UserId, StoredWords.Of(approve ? "Log.Event.AnswerYes" : "Log.Event.AnswerDeclined", rsvp.User.DisplayName), rsvp.UpdatedAt);
        if (!approve)
        {
            rsvp.Status = RsvpStatus.CantGo;
        }
        else if (rsvp.Occurrence is null)
        {
            rsvp.Status = RsvpStatus.Going;
        }
        else
        {
            rsvp.Status = await places.TakeAsync(rsvp.Occurrence.Id, e.Capacity, cancellationToken) ? RsvpStatus.Going : RsvpStatus.Waitlisted;
            if (rsvp.Status == RsvpStatus.Going)
            {
                await notifier.NotifyAsync(emails.Going(e, rsvp.Occurrence, rsvp.User), cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        moved.Note(e.Id, rsvp.UserId);
        await moved.RaiseAsync(cancellationToken);
        return Outcome.Done;
    }
}
