using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Every congregation's directory card and its searchable words, read in two queries and shared
/// (<see cref="SharedReadCache"/>) until a congregation changes: the directory's search box and the
/// site-wide search rank the same index.
/// </summary>
public sealed class DirectoryIndex(HubDbContext db, SharedReadCache reads)
{
    public sealed record Searchable(DirectoryModel.Item Item, DirectorySearch.Entry Entry);

    public Task<List<Searchable>> LoadAsync(CancellationToken cancellationToken) =>
        reads.GetOrLoadAsync(SharedReadCache.Congregations, "directory-search-index", async () =>
        {
            var members = await db.Memberships.AsNoTracking().GroupBy(m => m.CongregationId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var rows = await db.Congregations.AsNoTracking()
                .Select(c => new { c.Id, c.Slug, c.Name, c.Purpose, c.Place, c.IsOnline, c.Languages, c.Policy })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new Searchable(
                new DirectoryModel.Item(r.Slug, r.Name, DirectoryModel.Short(r.Purpose), r.Place, r.IsOnline, r.Languages, r.Policy, members.GetValueOrDefault(r.Id)),
                DirectorySearch.Entry.For(r.Name, r.Purpose, r.Place, r.Languages))).ToList();
        });
}

public static class DirectoryRanking
{
    /// <summary>The congregations every query word finds, closest first, then by name.</summary>
    public static IEnumerable<DirectoryModel.Item> Ranked(this IEnumerable<DirectoryIndex.Searchable> index, IReadOnlyList<string> words) =>
        index.Select(s => (s.Item, Cost: DirectorySearch.Cost(words, s.Entry)))
            .Where(m => m.Cost is not null)
            .OrderBy(m => m.Cost).ThenBy(m => m.Item.Name, StringComparer.Ordinal).ThenBy(m => m.Item.Slug, StringComparer.Ordinal)
            .Select(m => m.Item);
}
