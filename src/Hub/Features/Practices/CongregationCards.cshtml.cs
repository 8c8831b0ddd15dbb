using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/congregations/{slug}/cards: the congregation's own cards, for its members; its hosts write them.</summary>
public sealed class CongregationCardsModel(CongregationAccess access, OwnCards own, AddOwnCard add, RemoveOwnCard remove, EditOwnCard edit, MoveOwnCard move,
    IStringLocalizer<Strings> strings)
    : OwnDeckPageModel(own, add, remove, edit, move, strings)
{
    [FromRoute] public string Slug { get; set; } = "";

    public CongregationView View { get; private set; } = null!;

    protected override async Task<IActionResult?> LoadOwnerAsync()
    {
        if (await access.LoadAsync(Slug, User, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }
        if (!view.IsMember)
        {
            return Forbid();
        }
        View = view;
        Owner = new CardOwner(false, view.Congregation.Id);
        OwnerName = view.Congregation.Name;
        DrawnOn = $"/congregations/{view.Congregation.Slug}/practices#drawn-card";
        CanWrite = view.Membership!.IsHost;
        return null;
    }
}
