using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// The invited person accepts (and hosts with the others from then on) or declines (no reason asked). Either way
/// the invitation's notice is done and whoever invited them hears the answer. A co-host may also step down.
/// </summary>
public sealed class AnswerCoHostInvitation(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    /// <summary>What the invitation's notice is about, so that the answer marks it done.</summary>
    public static string About(Guid eventId) => $"cohost-invitation:{eventId}";

    public async Task<Outcome> RunAsync(Viewer viewer, Guid eventId, bool accept, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var answered = await db.EventCoHosts.Where(c => c.EventId == eventId && c.UserId == viewer.UserId && c.Status == CoHostStatus.Invited)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, accept ? CoHostStatus.Accepted : CoHostStatus.Declined).SetProperty(c => c.AnsweredAt, now), cancellationToken);
        if (answered == 0)
        {
            return Outcome.Refused("This invitation is no longer open.");
        }
        var row = await db.EventCoHosts.AsNoTracking().Include(c => c.User).SingleAsync(c => c.EventId == eventId && c.UserId == viewer.UserId, cancellationToken);
        await notifier.ResolveAsync(About(eventId), viewer.UserId, cancellationToken);
        HostLog.Record(db, eventId, viewer.UserId, accept ? "accepted the invitation to co-host" : "declined the invitation to co-host", now);
        await TellAsync(eventId, row.InvitedByUserId, accept
            ? ($"{row.User.DisplayName} will co-host", [$"{row.User.DisplayName} said yes: you host this event together now.", "Each of you sees on the hosts' page what the others did."])
            : ($"{row.User.DisplayName} declined to co-host", [$"{row.User.DisplayName} said no this time. No reason is needed, and none was asked.", "You could invite someone else from the hosts' page: never host alone."]),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    /// <summary>A co-host stops hosting this event, with a reason if they give one; the one who invited them hears it, and the log keeps it.</summary>
    public async Task<Outcome> StepDownAsync(Viewer viewer, Guid eventId, string? reason = null, CancellationToken cancellationToken = default)
    {
        var why = (reason ?? "").Trim();
        if (why.Length > 2000)
        {
            return Outcome.Refused("Keep the reason under 2,000 characters.", "Reason");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.EventCoHosts.Include(c => c.User).SingleOrDefaultAsync(c => c.EventId == eventId && c.UserId == viewer.UserId && c.Status == CoHostStatus.Accepted, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused("You do not co-host this event.");
        }
        (row.Status, row.AnsweredAt) = (CoHostStatus.SteppedDown, now);
        HostLog.Record(db, eventId, viewer.UserId, "stepped down as co-host", now, why);
        await TellAsync(eventId, row.InvitedByUserId, ($"{row.User.DisplayName} stepped down as co-host",
            [$"{row.User.DisplayName} no longer co-hosts this event.", why == "" ? "No reason was given." : $"Their reason: {why}",
                "You could invite someone else from the hosts' page: never host alone."]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    private async Task TellAsync(Guid eventId, string toUserId, (string Subject, string[] Paragraphs) words, CancellationToken cancellationToken)
    {
        var to = await db.Users.AsNoTracking().Where(u => u.Id == toUserId).Select(u => new { u.Id, u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        var title = await db.GatheringEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Title).SingleAsync(cancellationToken);
        if (to is null)
        {
            return;
        }
        var path = CoHostsPage.PathOf(eventId);
        var subject = $"{words.Subject}: {title}";
        await notifier.NotifyAsync(new Notice(to.Id, "gathering.cohost-answer", subject, path,
            templates.Compose(to.Email!, to.DisplayName, subject, words.Paragraphs, ("Open the hosts' page", address.Absolute(path)))), cancellationToken);
    }
}
