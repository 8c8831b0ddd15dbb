using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/practices/{slug}: one practice, to read before a meeting or print. Public.</summary>
public sealed class PracticeModel(ReadPractices practices) : PageModel
{
    public Practice Practice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancel)
    {
        if (await practices.FindAsync(slug, cancel) is not { } practice)
        {
            return NotFound();
        }
        Practice = practice;
        return Page();
    }
}
