using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>A group's own cards (a crew's, a congregation's): the list, and for those who may, adding and removing.</summary>
[Authorize]
public abstract class OwnDeckPageModel(OwnCards own, AddOwnCard add, RemoveOwnCard remove) : HubPageModel
{
    public CardOwner Owner { get; protected set; } = null!;
    public string OwnerName { get; protected set; } = "";

    /// <summary>Where the deck is drawn from (the crew's or congregation's page).</summary>
    public string DrawnOn { get; protected set; } = "";
    public bool CanWrite { get; protected set; }
    public IReadOnlyList<(Card Card, string? Author)> Cards { get; private set; } = [];

    [BindProperty] public CardKind Kind { get; set; } = CardKind.Starter;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid CardId { get; set; }

    /// <summary>Loads the owner for the viewer; the answer to give instead (404, 403, sign in), or null.</summary>
    protected abstract Task<IActionResult?> LoadOwnerAsync();

    public async Task<IActionResult> OnGetAsync() => await LoadOwnerAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await LoadOwnerAsync() is { } refused)
        {
            return refused;
        }
        if (!CanWrite)
        {
            return Forbid();
        }
        return await AfterAsync(await add.RunAsync(Owner, Kind, Text ?? "", User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted),
            "The card is in your deck. Draw it at your next meeting.", ShowAsync);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await LoadOwnerAsync() is { } refused)
        {
            return refused;
        }
        if (!CanWrite)
        {
            return Forbid();
        }
        return await AfterAsync(await remove.RunAsync(Owner, CardId, HttpContext.RequestAborted), "The card is out of your deck.", ShowAsync);
    }

    private async Task<IActionResult> ShowAsync()
    {
        Cards = await own.OfAsync(Owner, HttpContext.RequestAborted);
        return Page();
    }
}
