using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Congregations in the site-wide search: the directory's own search (accents and small slips
/// forgiven), so /search and /congregations?q= find the same ones. The directory is public, so every
/// reader sees the same hits.
/// </summary>
public sealed class CongregationSearchSource(DirectoryIndex directory, IStringLocalizer<Strings> strings) : ISiteSearchSource
{
    public int Order => 10;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var words = DirectorySearch.QueryWords(query);
        var found = words.Count == 0 ? [] : (await directory.LoadAsync(cancellationToken)).Ranked(words).ToList();
        return new SiteSearchSection("Congregations", strings["Nav.Congregations"],
            [.. found.Take(limit).Select(c => new SiteSearchHit($"/congregations/{c.Slug}", c.Name,
                string.Join(" · ", new[] { c.IsOnline && c.Place == "" ? strings["Congregations.Online"] : c.Place, c.Languages, strings.Plural("Congregations.Members", c.Members) }.Where(p => p != ""))))],
            found.Count, $"/congregations?q={Uri.EscapeDataString(query)}");
    }
}
