using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Features.Congregations;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/congregations/{slug}/practices/{practice}: one of a congregation's own practices, for its members.</summary>
public sealed class CongregationPracticeModel(CongregationAccess access, ReadPractices practices) : CongregationPageModel(access)
{
    public Practice Practice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string practice)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        if (await practices.FindInCongregationAsync(View.Congregation.Id, practice, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }
        Practice = found;
        return Page();
    }
}
