using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Features.Congregations;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/congregations/{slug}/practices: the practices a congregation wrote for itself and its own cards, for its members; hosts write them.</summary>
public sealed class CongregationPracticesModel(CongregationAccess access, ReadPractices practices, OwnCards own) : CongregationPageModel(access)
{
    public IReadOnlyList<Practice> Practices { get; private set; } = [];
    public int OwnCardCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        Practices = await practices.OfCongregationAsync(View.Congregation.Id, HttpContext.RequestAborted);
        OwnCardCount = (await own.OfAsync(new CardOwner(false, View.Congregation.Id), HttpContext.RequestAborted)).Count;
        return Page();
    }
}
