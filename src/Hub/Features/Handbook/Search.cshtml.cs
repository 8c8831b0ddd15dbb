using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Handbook;

public sealed class SearchModel(HandbookSearch search) : PageModel
{
    public string Query { get; private set; } = "";
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancel)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > 200)
        {
            Query = Query[..200];
        }
        Hits = Query.Length == 0 ? [] : await search.RunAsync(Query, cancel: cancel);
    }
}
