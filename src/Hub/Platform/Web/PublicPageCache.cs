using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Keeps the pages visitors see most (the directory, a congregation's public page) for a few seconds
/// for people who are not signed in: the same bytes for everyone, so one rendering serves many.
/// Signed-in people are never served from it (ASP.NET's default output-cache policy refuses
/// authenticated requests and responses that set cookies), and any saved change to a congregation
/// or a membership evicts it at once, so a visitor sees changes immediately in the common case and
/// within <see cref="PublicPageCacheOptions.Seconds"/> otherwise (changes made by bulk updates).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-congregations";
    public const string Tag = "congregations";

    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue("Web:PublicCacheSeconds", 5);
        builder.Services.AddOutputCache(o =>
        {
            // 0 turns it off, for operators who want every visitor to see each change at once, and for measuring without it.
            o.AddPolicy(Policy, p =>
            {
                if (seconds > 0)
                {
                    p.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*").Tag(Tag);
                }
                else
                {
                    p.NoCache();
                }
            });
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<CongregationReadCache>();
        builder.Services.AddSingleton<CongregationPagesChanged>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, EvictOnCongregationChange>();
        return builder;
    }

    /// <summary>After a SaveChanges that touched congregations or memberships, the cached copies are stale.</summary>
    private sealed class EvictOnCongregationChange(CongregationPagesChanged changed) : SaveChangesInterceptor
    {
        private static readonly ConditionalWeakTable<DbContext, object> Touched = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(SavingChanges(eventData, result));

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e =>
                    e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && e.Entity is Congregation or Membership or MembershipLevel))
            {
                Touched.AddOrUpdate(context, true);
            }
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            if (eventData.Context is { } context && Touched.Remove(context))
            {
                changed.EvictAsync().GetAwaiter().GetResult(); // the in-memory store completes at once
            }
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && Touched.Remove(context))
            {
                await changed.EvictAsync();
            }
            return result;
        }
    }
}

/// <summary>
/// Empties both caches of the congregation pages. The save interceptor calls it for tracked changes;
/// an operation that changes memberships with a bulk statement (ExecuteDelete) calls it itself.
/// </summary>
public sealed class CongregationPagesChanged(IOutputCacheStore store, CongregationReadCache reads)
{
    public async Task EvictAsync()
    {
        reads.Evict();
        await store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
    }
}
