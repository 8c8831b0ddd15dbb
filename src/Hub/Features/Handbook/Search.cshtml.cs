using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The site-wide search: the handbook's full text, and a short section from every other source a
/// feature registers (<see cref="ISiteSearchSource"/>: congregations today), each linking to its own
/// fuller search.
/// </summary>
public sealed class SearchModel(HandbookSearch search, IEnumerable<ISiteSearchSource> sources) : PageModel
{
    /// <summary>How many hits of each other source the page shows before "see all".</summary>
    public const int PerSource = 5;

    public string Query { get; private set; } = "";
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];
    public IReadOnlyList<SiteSearchSection> Sections { get; private set; } = [];

    public bool FoundNothing => Hits.Count == 0 && Sections.All(s => s.Total == 0);

    public async Task OnGetAsync(string? q, CancellationToken cancel)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > 200)
        {
            Query = Query[..200];
        }
        if (Query.Length == 0)
        {
            return;
        }
        Hits = await search.RunAsync(Query, cancel: cancel);
        var sections = new List<SiteSearchSection>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            sections.Add(await source.SearchAsync(Query, PerSource, cancel));
        }
        Sections = [.. sections.Where(s => s.Total > 0)];
    }
}
