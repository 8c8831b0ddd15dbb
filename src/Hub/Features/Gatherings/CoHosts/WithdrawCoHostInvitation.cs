using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Gatherings.CoHosts;

/// <summary>
/// A host takes back an invitation to co-host that is still waiting (sent to the wrong person, or plans changed).
/// The unanswered invitation is removed, its notice is done for the invited person, and the other hosts see the
/// line in the hosts' log. An accepted co-host is not removed this way: they step down themselves.
/// </summary>
public sealed class WithdrawCoHostInvitation(HubDbContext db, TimeProvider time, Notifier notifier, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Viewer viewer, GatheringEvent e, string? userId, CancellationToken cancellationToken = default)
    {
        if (!viewer.CanHost(e))
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsWithdraw"]);
        }
        var row = await db.EventCoHosts.Include(c => c.User)
            .SingleOrDefaultAsync(c => c.EventId == e.Id && c.UserId == userId && c.Status == CoHostStatus.Invited, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.NotWaiting"]);
        }
        db.EventCoHosts.Remove(row);
        HostLog.Record(db, e.Id, viewer.UserId, StoredWords.Of("Log.Event.InvitationWithdrawn", row.User.DisplayName), time.GetUtcNow().UtcDateTime);
        await notifier.ResolveAsync(AnswerCoHostInvitation.About(e.Id), row.UserId, cancellationToken); // saved with the rest
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
