using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Practices in the site-wide search: the same search as the library's own box (/practices?q=).</summary>
public sealed class PracticeSearchSource(ReadPractices practices) : ISiteSearchSource
{
    public int Order => 5;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var found = ReadPractices.Search(await practices.AllAsync(cancellationToken), query);
        return new SiteSearchSection("Practices",
            [.. found.Take(limit).Select(p => new SiteSearchHit($"/practices/{p.Slug}", p.Title,
                $"{p.Summary} · {Practice.Duration(p.Minutes)} · {string.Join(", ", p.Scales.Select(Practice.ScaleName))}"))],
            found.Count, $"/practices?q={Uri.EscapeDataString(query)}");
    }
}
