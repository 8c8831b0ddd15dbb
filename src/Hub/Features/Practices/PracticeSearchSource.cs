using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Practices in the site-wide search: the same search as the library's own box (/practices?q=).</summary>
public sealed class PracticeSearchSource(ReadPractices practices, IStringLocalizer<Strings> strings) : ISiteSearchSource
{
    public int Order => 5;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var found = ReadPractices.Search(await practices.AllAsync(cancellationToken), query);
        return new SiteSearchSection("Practices", strings["Nav.Practices"],
            [.. found.Take(limit).Select(p => new SiteSearchHit($"/practices/{p.Slug}", p.Title,
                $"{p.Summary} · {Practice.Duration(p.Minutes, strings)} · {string.Join(", ", p.Scales.Select(s => Practice.ScaleName(s, strings)))}"))],
            found.Count, $"/practices?q={Uri.EscapeDataString(query)}");
    }
}
