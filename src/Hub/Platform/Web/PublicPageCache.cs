using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Data.Introductions;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Data.Updates;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Keeps the pages visitors see most (the directory, a congregation's public page, the handbook) for a few seconds
/// for people who are not signed in: the same bytes for everyone, so one rendering serves many.
/// Signed-in people are never served from it (ASP.NET's default output-cache policy refuses
/// authenticated requests and responses that set cookies), and any saved change to a congregation
/// or a membership (for the handbook: an import) evicts it at once, on every node (<see cref="NodeChannel"/>), so a visitor sees changes immediately in the common case and
/// within <c>Web:PublicCacheSeconds</c> otherwise (changes made by bulk updates).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-congregations";
    public const string Tag = "congregations";

    /// <summary>The handbook's pages, the most read pages of a hub, change only when it is imported.</summary>
    public const string HandbookPolicy = "public-handbook";
    public const string HandbookTag = "handbook";

    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue("Web:PublicCacheSeconds", 5);
        builder.Services.AddOutputCache(o =>
        {
            // 0 turns it off, for operators who want every visitor to see each change at once, and for measuring without it.
            foreach (var (policy, tag) in new[] { (Policy, Tag), (HandbookPolicy, HandbookTag) })
            {
                o.AddPolicy(policy, p =>
                {
                    if (seconds > 0)
                    {
                        p.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*").Tag(tag)
                            // One copy per language the page was rendered in (already chosen among the shipped few).
                            .VaryByValue(_ => new("language", CultureInfo.CurrentUICulture.Name));
                        if (policy == Policy)
                        {
                            // Congregation pages show times in the visitor's zone (ViewerClock): one copy per
                            // real zone, never per raw cookie, so a forged cookie cannot fill the cache.
                            p.VaryByValue(c => new("zone", TimeZones.Normalize(c.Request.Cookies[ViewerClock.ChosenCookie])
                                ?? TimeZones.Normalize(c.Request.Cookies[ViewerClock.BrowserCookie]) ?? ""));
                        }
                    }
                    else
                    {
                        p.NoCache();
                    }
                });
            }
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SharedReadCache>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, EvictOnPublicPageChange>();
        builder.Services.AddSingleton<CacheEviction>();
        builder.Services.AddSingleton<ForgetHandbookCopies>();
        builder.Services.AddSingleton<LiveSignals>(); // wakes pages' live streams (meeting rooms, notice counts) on every node
        builder.Services.AddHostedService<NodeChannel>(); // several nodes on PostgreSQL: evict on each other's changes, hear live signals
        return builder;
    }

    /// <summary>After a SaveChanges that touched congregations, memberships or the handbook, the cached copies are stale.</summary>
    private sealed class EvictOnPublicPageChange(CacheEviction eviction) : SaveChangesInterceptor
    {
        private static readonly ConditionalWeakTable<DbContext, List<string>> Pending = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(SavingChanges(eventData, result));

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { } context)
            {
                var changedEntities = context.ChangeTracker.Entries()
                    .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity).ToList();
                var regions = new List<string>();
                // A congregation's page also shows what is coming and who is there (CongregationLife): its
                // events, rounds, crews, working groups, news to members and faces.
                if (changedEntities.Any(e => e is Congregation or Membership or MembershipLevel
                    or GatheringEvent or EventOccurrence or Crew or FormationRound or WorkingGroup or NewsletterIssue or Profile))
                {
                    regions.Add(SharedReadCache.Congregations);
                }
                // What ReadCare, the gatherings' presence and the crew-path signals read (a note from a host is a Notification).
                if (changedEntities.Any(e => e is Membership or HubUser or Crew or CrewMember or CrewMeeting or CrewCall or CrewCallRequest or IntroductionMember
                    or Notification or Rsvp or GatheringEvent or EventOccurrence))
                {
                    regions.Add(SharedReadCache.Care);
                }
                // A space's list of conversations: a new thread or post (which moves its thread), a thread closed or
                // hidden, a post deleted; and an account (the list names who started each thread: a new name, or a
                // deleted account, whose threads the personal-data erasure unnames in bulk just before).
                if (changedEntities.Any(e => e is ConversationThread or ConversationPost or HubUser))
                {
                    regions.Add(SharedReadCache.Conversations);
                }
                // What a host dashboard reads (HostModel): requests to join, invitations, proposed events, what hosts did,
                // the care contacts among the members, and the names of the people in them.
                if (changedEntities.Any(e => e is JoinRequest or Invitation or GatheringEvent or CongregationHostAction or Membership or HubUser))
                {
                    regions.Add(SharedReadCache.Hosting);
                }
                if (changedEntities.Any(e => e is HandbookPage or HandbookInfo or HandbookImport))
                {
                    regions.Add(SharedReadCache.Handbook);
                }
                if (regions.Count > 0)
                {
                    Pending.AddOrUpdate(context, regions);
                }
            }
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            EvictAsync(eventData.Context).GetAwaiter().GetResult(); // the in-memory store completes at once
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            await EvictAsync(eventData.Context);
            return result;
        }

        private async Task EvictAsync(DbContext? context)
        {
            if (context is null || !Pending.TryGetValue(context, out var touched))
            {
                return;
            }
            Pending.Remove(context);
            foreach (var region in touched)
            {
                await eviction.EvictHereAsync(region);
            }
            if (context.Database.IsNpgsql())
            {
                // One notice for all of them, in the caller's transaction when there is one: the other nodes hear it when it commits.
                await eviction.TellOtherNodesAsync(context, touched);
            }
        }
    }
}
