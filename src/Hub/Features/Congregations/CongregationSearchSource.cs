using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Congregations in the site-wide search: the directory's own search (accents and small slips
/// forgiven), so /search and /congregations?q= find the same ones. The directory is public, so every
/// reader sees the same hits.
/// </summary>
public sealed class CongregationSearchSource(DirectoryIndex directory) : ISiteSearchSource
{
    public int Order => 10;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var words = DirectorySearch.QueryWords(query);
        var found = words.Count == 0 ? [] : (await directory.LoadAsync(cancellationToken)).Ranked(words).ToList();
        return new SiteSearchSection("Congregations",
            [.. found.Take(limit).Select(c => new SiteSearchHit($"/congregations/{c.Slug}", c.Name,
                string.Join(" · ", new[] { c.IsOnline && c.Place == "" ? "Online" : c.Place, c.Languages, $"{c.Members} {(c.Members == 1 ? "member" : "members")}" }.Where(p => p != ""))))],
            found.Count, $"/congregations?q={Uri.EscapeDataString(query)}");
    }
}
