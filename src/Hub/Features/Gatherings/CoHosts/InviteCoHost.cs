using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// A host of an event invites someone they share a congregation with to host it with them. Nothing changes for
/// the invited person until they accept; they hear by a notice (and email, as they chose) and may decline.
/// </summary>
public sealed class InviteCoHost(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, PeopleToPick.Choice? choice, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsInvite"]);
        }
        if (e.CancelledAt is not null || e.ClosedAt is not null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.NothingToHost"]);
        }
        if (choice?.UserId is not { } userId)
        {
            return Outcome.Refused(strings["Gatherings.Refused.PickCoHost"], "Person");
        }
        if (userId == viewer.UserId || userId == e.CreatedByUserId)
        {
            return Outcome.Refused(strings["Gatherings.Refused.HostsAlready", choice.Shown], "Person");
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Outcome.Refused(PeopleToPick.Refusal(strings, choice.Shown), "Person");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.EventCoHosts.SingleOrDefaultAsync(c => c.EventId == eventId && c.UserId == userId, cancellationToken);
        if (row?.Status is CoHostStatus.Invited or CoHostStatus.Accepted)
        {
            return Outcome.Refused(strings[row.Status == CoHostStatus.Accepted ? "Gatherings.Refused.CoHostsAlready" : "Gatherings.Refused.InvitedAlready", person.DisplayName], "Person");
        }
        if (row is null)
        {
            db.EventCoHosts.Add(new EventCoHost { Id = Guid.NewGuid(), EventId = eventId, UserId = userId, InvitedByUserId = viewer.UserId!, Status = CoHostStatus.Invited, InvitedAt = now });
        }
        else
        {
            (row.Status, row.InvitedByUserId, row.InvitedAt, row.AnsweredAt) = (CoHostStatus.Invited, viewer.UserId!, now, null);
        }
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of("Log.Event.CoHostInvited", person.DisplayName), now);
        var path = CoHostsPage.PathOf(eventId);
        using (RecipientLanguage.Of(person.Language))
        {
            string title = strings["Email.CoHost.Invite.Subject", inviter, e.Title];
            await notifier.NotifyAsync(new Notice(userId, "gathering.cohost-invitation", title, path,
                templates.Compose(person.Email!, person.DisplayName, title,
                [
                    strings["Email.CoHost.Invite.Together", inviter, e.Title],
                    strings["Email.CoHost.Invite.What"],
                    strings["Crew.Invite.Free"],
                ], (strings["Invitation.Action"], address.Absolute(path))))
            { About = AnswerCoHostInvitation.About(eventId) }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
