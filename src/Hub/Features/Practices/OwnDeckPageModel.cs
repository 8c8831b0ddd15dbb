using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>A group's own cards (a crew's, a congregation's): the list, and for those who may, adding, changing, reordering and removing.</summary>
[Authorize]
public abstract class OwnDeckPageModel(OwnCards own, AddOwnCard add, RemoveOwnCard remove, EditOwnCard edit, MoveOwnCard move, IStringLocalizer<Strings> strings) : HubPageModel
{
    public CardOwner Owner { get; protected set; } = null!;
    public string OwnerName { get; protected set; } = "";

    /// <summary>Where the deck is drawn from (the crew's or congregation's page).</summary>
    public string DrawnOn { get; protected set; } = "";
    public bool CanWrite { get; protected set; }
    public IReadOnlyList<(Card Card, string? Author)> Cards { get; private set; } = [];

    /// <summary>The cards as the list draws them, each knowing whether it is first or last (no move up, no move down).</summary>
    public IEnumerable<(Card Card, string? Author, bool First, bool Last)> Rows =>
        Cards.Select((c, n) => (c.Card, c.Author, n == 0, n == Cards.Count - 1));

    [BindProperty] public CardKind Kind { get; set; } = CardKind.Starter;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid CardId { get; set; }

    /// <summary>"up" or "down", from the card's move buttons.</summary>
    [BindProperty] public string? Direction { get; set; }

    /// <summary>The card whose change form was sent back with a problem, to show it open with what was typed.</summary>
    public Guid? Editing { get; private set; }

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
            strings["Practices.Own.Added"], ShowAsync);
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
        return await AfterAsync(await remove.RunAsync(Owner, CardId, HttpContext.RequestAborted), strings["Practices.Own.Removed"], ShowAsync);
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        if (await LoadOwnerAsync() is { } refused)
        {
            return refused;
        }
        if (!CanWrite)
        {
            return Forbid();
        }
        Editing = CardId;
        return await AfterAsync(await edit.RunAsync(Owner, CardId, Kind, Text ?? "", HttpContext.RequestAborted),
            strings["Practices.Own.Changed"], ShowAsync, $"{Request.Path}#card-{CardId}");
    }

    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (await LoadOwnerAsync() is { } refused)
        {
            return refused;
        }
        if (!CanWrite)
        {
            return Forbid();
        }
        return await AfterAsync(await move.RunAsync(Owner, CardId, Direction != "down", HttpContext.RequestAborted),
            Direction == "down" ? strings["Practices.Own.MovedDown"] : strings["Practices.Own.MovedUp"], ShowAsync, $"{Request.Path}#card-{CardId}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        Cards = await own.OfAsync(Owner, HttpContext.RequestAborted);
        return Page();
    }
}
