using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// Conversation titles in the site-wide search, for the person searching only: threads of their congregations,
/// working groups, crews and pairs, and the network hosts' threads for hosts, hidden ones left out. A visitor, or anyone else, finds none (nor are they in a feed or the sitemap).
/// </summary>
public sealed class ConversationSearchSource(HubDbContext db, IHttpContextAccessor http, IStringLocalizer<Strings> strings) : ISiteSearchSource
{
    public int Order => 25;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        var me = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var words = query.Trim().ToLowerInvariant();
        if (me is null || words.Length == 0)
        {
            return new SiteSearchSection("Conversations", strings["Conversations.Title"], [], 0, "/search");
        }
#pragma warning disable CA1304, CA1311, CA1862 // translated to the database's lower(): culture does not apply
        var mine = Mine(db, me).Where(t => t.Title.ToLower().Contains(words));
#pragma warning restore CA1304, CA1311, CA1862
        var found = await mine.OrderByDescending(t => t.LastPostAt)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.CrewId,
                t.DyadId,
                t.WorkingGroupId,
                t.ForNetworkHosts,
                Slug = db.Congregations.Where(c => c.Id == t.CongregationId || db.WorkingGroups.Any(g => g.Id == t.WorkingGroupId && g.CongregationId == c.Id))
                    .Select(c => c.Slug).FirstOrDefault(),
            })
            .Take(limit).ToListAsync(cancellationToken);
        var total = await mine.CountAsync(cancellationToken);
        return new SiteSearchSection("Conversations", strings["Conversations.Title"],
            [.. found.Select(t => new SiteSearchHit(
                t.ForNetworkHosts ? $"{NetworkHosts.BasePath}/{t.Id}" : t.CrewId is { } crew ? $"/crews/{crew}/conversations/{t.Id}" : t.DyadId is { } dyad ? $"/dyads/{dyad}/conversations/{t.Id}"
                : t.WorkingGroupId is { } group ? $"/congregations/{t.Slug}/working-groups/{group}/conversations/{t.Id}" : $"/congregations/{t.Slug}/conversations/{t.Id}",
                t.Title,
                strings[t.ForNetworkHosts ? "Conversations.Search.NetworkHosts" : t.CrewId is not null ? "Conversations.Search.Crew" : t.DyadId is not null ? "Conversations.Search.Pair"
                : t.WorkingGroupId is not null ? "Conversations.Search.WorkingGroup" : "Conversations.Search.Congregation"].Value))],
            total, "/search");
    }

    /// <summary>The threads a person may read: not hidden, in a space they belong to.</summary>
    internal static IQueryable<ConversationThread> Mine(HubDbContext db, string userId) => db.ConversationThreads.Where(t => t.HiddenAt == null && (
        (t.CongregationId != null && db.Memberships.Any(m => m.CongregationId == t.CongregationId && m.UserId == userId))
        || (t.WorkingGroupId != null && db.WorkingGroupMembers.Any(m => m.WorkingGroupId == t.WorkingGroupId && m.UserId == userId))
        || (t.CrewId != null && db.CrewMembers.Any(m => m.CrewId == t.CrewId && m.UserId == userId && m.Status == CrewMemberStatus.Joined))
        || (t.DyadId != null && db.Dyads.Any(d => d.Id == t.DyadId && (d.ProposerUserId == userId || d.PartnerUserId == userId)
            && (d.Status == DyadStatus.Active || d.Status == DyadStatus.Ended)))
        || (t.ForNetworkHosts && (db.Memberships.Any(m => m.UserId == userId && m.IsHost) || NetworkHosts.Administrators(db).Contains(userId)))));
}
