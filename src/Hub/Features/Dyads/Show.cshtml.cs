using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>A dyad's page: for its two people only; anyone else gets 404.</summary>
[Authorize]
public sealed class DyadModel(DyadAccess access, TendDyad tend) : HubPageModel
{
    public DyadView View { get; private set; } = null!;

    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public string? CheckIn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostRespondAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await tend.RespondAsync(View, Accept), Accept ? "The pair has started." : "You declined. Thank you for saying so.", ShowAsync);

    public async Task<IActionResult> OnPostCheckInAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await tend.CheckInAsync(View, CheckIn ?? ""), "Check-in added.", ShowAsync);

    public async Task<IActionResult> OnPostEndAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await tend.EndAsync(View), "The pair has ended.", ShowAsync);

    private Task<IActionResult> ShowAsync() => Task.FromResult<IActionResult>(Page());

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var view = await access.LoadAsync(id, User, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return null;
    }

}
