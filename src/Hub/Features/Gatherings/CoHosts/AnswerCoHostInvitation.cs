using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// The invited person accepts (and hosts with the others from then on) or declines (no reason asked). Either way
/// the invitation's notice is done and whoever invited them hears the answer. A co-host may also step down.
/// </summary>
public sealed class AnswerCoHostInvitation(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
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
            return Outcome.Refused(strings["Gatherings.Refused.InvitationClosed"]);
        }
        var row = await db.EventCoHosts.AsNoTracking().Include(c => c.User).SingleAsync(c => c.EventId == eventId && c.UserId == viewer.UserId, cancellationToken);
        await notifier.ResolveAsync(About(eventId), viewer.UserId, cancellationToken);
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of(accept ? "Log.Event.CoHostAccepted" : "Log.Event.CoHostDeclined"), now);
        var name = row.User.DisplayName;
        await TellAsync(eventId, row.InvitedByUserId, title => accept
            ? (strings["Email.CoHost.Accepted.Subject", name, title], [strings["Email.CoHost.Accepted.Together", name], strings["Email.CoHost.Accepted.Log"]])
            : (strings["Email.CoHost.Declined.Subject", name, title], [strings["Email.CoHost.Declined.NoReason", name], strings["Email.CoHost.NeverAlone"]]),
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
            return Outcome.Refused(strings["Gatherings.Refused.ReasonLong"], "Reason");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.EventCoHosts.Include(c => c.User).SingleOrDefaultAsync(c => c.EventId == eventId && c.UserId == viewer.UserId && c.Status == CoHostStatus.Accepted, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.NotYourCoHosting"]);
        }
        (row.Status, row.AnsweredAt) = (CoHostStatus.SteppedDown, now);
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of("Log.Event.CoHostSteppedDown"), now, why);
        var name = row.User.DisplayName;
        await TellAsync(eventId, row.InvitedByUserId, title => (strings["Email.CoHost.SteppedDown.Subject", name, title],
            [strings["Email.CoHost.SteppedDown.NoLonger", name], why == "" ? strings["Email.CoHost.SteppedDown.NoReason"] : strings["Email.CoHost.SteppedDown.Reason", why],
                strings["Email.CoHost.NeverAlone"]]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    /// <param name="write">The subject (given the event's title) and paragraphs, written in the recipient's language.</param>
    private async Task TellAsync(Guid eventId, string toUserId, Func<string, (string Subject, string[] Paragraphs)> write, CancellationToken cancellationToken)
    {
        var to = await db.Users.AsNoTracking().Where(u => u.Id == toUserId).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        var title = await db.GatheringEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Title).SingleAsync(cancellationToken);
        if (to is null)
        {
            return;
        }
        var path = CoHostsPage.PathOf(eventId);
        using var language = RecipientLanguage.Of(to.Language);
        var (subject, paragraphs) = write(title);
        await notifier.NotifyAsync(new Notice(to.Id, "gathering.cohost-answer", subject, path,
            templates.Compose(to.Email!, to.DisplayName, subject, paragraphs, (strings["Email.CoHost.OpenHostsPage"], address.Absolute(path)))), cancellationToken);
    }
}
