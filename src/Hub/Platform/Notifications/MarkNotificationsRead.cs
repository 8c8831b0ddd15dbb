using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>Marks one notice, or all of a person's notices, as read. Only ever the person's own.</summary>
public sealed class MarkNotificationsRead(HubDbContext db, TimeProvider time, IMemoryCache cache, LiveSignals live)
{
    public async Task<Outcome> RunAsync(string userId, Guid? only, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null && (only == null || n.Id == only))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        UnreadNotifications.Forget(cache, userId); // a bulk update passes the save interceptor by
        await live.TellAsync(db, UnreadNotifications.Topic(userId), CancellationToken.None); // the person's other pages lower their count
        return Outcome.Done;
    }
}
