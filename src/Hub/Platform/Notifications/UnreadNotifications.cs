using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// The count on the header's "Notifications" link, shown on every page a signed-in person opens.
/// Counting is one small indexed query, but it ran on every page and was a large share of a
/// signed-in page's cost, so the count is kept for a few seconds per person
/// (<c>Web:PublicCacheSeconds</c>, 0 turns it off) and forgotten as soon as this hub saves a new
/// notice for them or they mark notices read. Another node's new notice shows within those seconds.
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
        if (lifetime > TimeSpan.Zero && cache.TryGetValue(Key(id), out int kept))
        {
            return kept;
        }
        var count = await db.Notifications.CountAsync(n => n.UserId == id && n.ReadAt == null);
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(Key(id), count, lifetime);
        }
        return count;
    }

    public static void Forget(IMemoryCache cache, string userId) => cache.Remove(Key(userId));

    private static (string, string) Key(string userId) => ("unread-notifications", userId);
}

/// <summary>After a notice is saved, its person's kept count is stale.</summary>
internal sealed class ForgetUnreadCountOnNotice(IMemoryCache cache) : SaveChangesInterceptor
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
        if (eventData.Context is { } context && Pending.TryGetValue(context, out var people))
        {
            Pending.Remove(context);
            people.ForEach(id => UnreadNotifications.Forget(cache, id));
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(SavedChanges(eventData, result));
}
