using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>A handbook page. Visitors share a cached copy for a few seconds; an import evicts it.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Platform.Web.PublicPageCache.HandbookPolicy)]
public sealed class ReadModel(ReadHandbookPage read) : PageModel
{
    public HandbookView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken cancel)
    {
        switch (await read.RunAsync(path ?? "", cancel))
        {
            case ReadHandbookPage.Found found:
                View = found.View;
                return Page();
            case ReadHandbookPage.Redirect redirect:
                return RedirectPermanent(redirect.Url);
            case ReadHandbookPage.NoHandbook:
                return Page();
            default:
                return NotFound();
        }
    }
}
