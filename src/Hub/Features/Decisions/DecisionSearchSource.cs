using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// The decision logs in the site-wide search, for the person searching only: decisions of the congregations
/// they belong to (with their working groups') and the crews they are in. A visitor, or anyone else, finds none of them.
/// </summary>
public sealed class DecisionSearchSource(HubDbContext db, IHttpContextAccessor http, IStringLocalizer<Strings> strings) : ISiteSearchSource
{
    public int Order => 20;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        var me = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var words = query.Trim();
        if (me is null || words.Length == 0)
        {
            return new SiteSearchSection("Decisions", strings["Decisions.Title"], [], 0, "/search");
        }
        var found = await Mine(db, me).Where(Matches(words))
            .OrderByDescending(d => d.DecidedAt ?? d.CreatedAt)
            .Select(d => new
            {
                d.Id,
                d.Question,
                d.Result,
                d.Kind,
                d.CrewId,
                d.WorkingGroupId,
                Slug = db.Congregations.Where(c => c.Id == d.CongregationId).Select(c => c.Slug).FirstOrDefault(),
                Circle = d.CrewId != null ? db.Crews.Where(c => c.Id == d.CrewId).Select(c => c.Name).FirstOrDefault()
                    : d.WorkingGroupId != null ? db.WorkingGroups.Where(g => g.Id == d.WorkingGroupId).Select(g => g.Name).FirstOrDefault()
                    : db.Congregations.Where(c => c.Id == d.CongregationId).Select(c => c.Name).FirstOrDefault(),
            })
            .Take(limit).ToListAsync(cancellationToken);
        var total = await Mine(db, me).CountAsync(Matches(words), cancellationToken);
        var first = found.FirstOrDefault();
        return new SiteSearchSection("Decisions", strings["Decisions.Title"],
            [.. found.Select(d => new SiteSearchHit(DecisionCircle.PathOf(d.Id, d.CrewId, d.WorkingGroupId, d.Slug),
                d.Question, $"{d.Circle} · {DecisionText.Kind(strings, d.Kind)} · {(d.Result is { } r ? DecisionText.Result(strings, r, d.Kind) : strings["Decisions.Search.Open"])}"))],
            total, first is null ? "/search" : $"{DecisionCircle.PathOf(first.Id, first.CrewId, first.WorkingGroupId, first.Slug)[..^(first.Id.ToString().Length + 1)]}?q={Uri.EscapeDataString(words)}");
    }

    /// <summary>The decisions a person may read: their congregations' and their crews'.</summary>
    internal static IQueryable<Decision> Mine(HubDbContext db, string userId) => db.Decisions.Where(d =>
        (d.CrewId == null && db.Memberships.Any(m => m.CongregationId == d.CongregationId && m.UserId == userId))
        || (d.CrewId != null && db.CrewMembers.Any(m => m.CrewId == d.CrewId && m.UserId == userId && m.Status == CrewMemberStatus.Joined)));

    /// <summary>The question, the proposal, the background or the outcome contains the words (any letter case).</summary>
    internal static System.Linq.Expressions.Expression<Func<Decision, bool>> Matches(string words)
    {
        var lower = words.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to the database's lower(): culture does not apply
        return d => d.Question.ToLower().Contains(lower) || d.Proposal.ToLower().Contains(lower) || d.Background.ToLower().Contains(lower)
            || d.ResultNote.ToLower().Contains(lower);
#pragma warning restore CA1304, CA1311, CA1862
    }
}
