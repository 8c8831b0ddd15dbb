using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// The count on the header's "Notifications" link, shown on every page a signed-in person opens.
/// Counting is one small indexed query, but it ran on every page and was a large share of a
/// signed-in page's cost, so the count is kept for a few seconds per person
/// (<c>Web:PublicCacheSeconds</c>, 0 turns it off) and forgotten as soon as this hub saves a new
/// notice for them or they mark notices read. Every change to a person's notices is also said as a live signal
/// (<see cref="Topic"/>), which the header's stream (<c>/me/notifications/events</c>) follows on any node.
/// </summary>
public sealed class UnreadNotifications(HubDbContext db, IMemoryCache cache, IConfiguration configuration)
{
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Web:PublicCacheSeconds", 5));

    public async Task<int> CountAsync(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return 0;
        }
        return lifetime > TimeSpan.Zero && cache.TryGetValue(Key(id), out int kept) ? kept : await CountNowAsync(id, CancellationToken.None);
    }

    /// <summary>The count read now, for the live stream that was just told it changed; kept for the pages this node renders next.</summary>
    public async Task<int> CountNowAsync(string userId, CancellationToken cancellationToken)
    {
        var count = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(Key(userId), count, lifetime);
        }
        return count;
    }

    public static void Forget(IMemoryCache cache, string userId) => cache.Remove(Key(userId));

    /// <summary>The live signal of a person's notices: a notice came, or some were read.</summary>
    public static string Topic(string userId) => "notices:" + userId;

    private static (string, string) Key(string userId) => ("unread-notifications", userId);
}

/// <summary>After a notice is saved, its person's kept count is stale, and their open pages (on any node) are told so.</summary>
internal sealed class ForgetUnreadCountOnNotice(IMemoryCache cache, LiveSignals live) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<string>> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var people = context.ChangeTracker.Entries<Notification>().Where(e => e.State != EntityState.Unchanged)
                .Select(e => e.Entity.UserId).Distinct().ToList();
            if (people.Count > 0)
            {
                Pending.AddOrUpdate(context, people);
            }
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Forget(eventData.Context) is { } people)
        {
            live.Tell(eventData.Context!, people);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (Forget(eventData.Context) is { } people)
        {
            // In the caller's transaction, if any: other nodes hear it when the notice is committed. Said even when
            // the request is gone, since the notice is saved.
            await live.TellAsync(eventData.Context!, people, CancellationToken.None);
        }
        return result;
    }

    /// <summary>Forgets the kept counts of the people whose notices were saved; their live topics, or null.</summary>
    private List<string>? Forget(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var people))
        {
            return null;
        }
        Pending.Remove(context);
        people.ForEach(id => UnreadNotifications.Forget(cache, id));
        return [.. people.Select(UnreadNotifications.Topic)];
    }
}
