using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsolidarity.Hub.Data.People;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The zone each signed-in person saved, kept on this node for <c>Web:PublicCacheSeconds</c> (5 s) as their session's
/// check is: every page that shows a time asked the database for it, a query of its own on every signed-in request.
/// Forgotten on this node as soon as a changed profile zone is saved (<see cref="ForgetOnSave"/>); another node sees
/// the change within those seconds.
/// </summary>
public sealed class SavedZones(IMemoryCache cache, IConfiguration configuration)
{
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Web:PublicCacheSeconds", 5));

    public async Task<string?> ReadAsync(string userId, Func<Task<string?>> load)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await load();
        }
        if (cache.TryGetValue(Key(userId), out string? zone))
        {
            return zone;
        }
        zone = await load();
        cache.Set(Key(userId), zone, lifetime);
        return zone;
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static (string, string) Key(string userId) => ("saved-zone", userId);

    /// <summary>After a save that added, removed or changed the zone of a profile, that person's kept zone is forgotten.</summary>
    public sealed class ForgetOnSave(SavedZones zones) : SaveChangesInterceptor
    {
        private static readonly ConditionalWeakTable<DbContext, List<string>> Pending = [];

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { } context)
            {
                var people = context.ChangeTracker.Entries<Profile>()
                    .Where(e => e.State is EntityState.Added or EntityState.Deleted
                        || (e.State == EntityState.Modified && e.Property(p => p.TimeZone).IsModified))
                    .Select(e => e.Entity.UserId).ToList();
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
                people.ForEach(zones.Forget);
            }
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(SavedChanges(eventData, result));
    }
}
