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
/// A host removes a co-host who had accepted, once they confirm: the co-host row goes (they may be invited again
/// later), the hosts' log says who removed whom, and the person removed is told, in the hub and by email. Nobody
/// removes themselves this way: a co-host steps down.
/// </summary>
public sealed class RemoveCoHost(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Viewer viewer, GatheringEvent e, string? userId, bool confirm, CancellationToken cancellationToken = default)
    {
        if (!viewer.CanHost(e))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsRemove"]);
        }
        if (userId == viewer.UserId)
        {
            return Outcome.Refused(strings["Gatherings.Refused.StepDownBelow"]);
        }
        var row = await db.EventCoHosts.Include(c => c.User)
            .SingleOrDefaultAsync(c => c.EventId == e.Id && c.UserId == userId && c.Status == CoHostStatus.Accepted, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.NotCoHost"]);
        }
        if (!confirm)
        {
            return Outcome.Refused(strings["Gatherings.Refused.ConfirmRemove", row.User.DisplayName], "Confirm");
        }
        var by = await db.Users.AsNoTracking().Where(u => u.Id == viewer.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? strings["Email.CoHost.AHost"];
        db.EventCoHosts.Remove(row);
        HostLog.Record(db, e.Id, viewer.UserId, StoredWords.Of("Log.Event.CoHostRemoved", row.User.DisplayName), time.GetUtcNow().UtcDateTime);
        var page = $"/gatherings/{e.Id}";
        using (RecipientLanguage.Of(row.User.Language))
        {
            string subject = strings["Email.CoHost.Removed.Subject", e.Title];
            await notifier.NotifyAsync(new Notice(row.UserId, "gathering.cohost-removed", subject, page,
                templates.Compose(row.User.Email!, row.User.DisplayName, subject,
                    [strings["Email.CoHost.Removed.By", by, e.Title], strings["Email.CoHost.Removed.Thanks"]],
                    (strings["Gathering.Action"], address.Absolute(page)))), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
