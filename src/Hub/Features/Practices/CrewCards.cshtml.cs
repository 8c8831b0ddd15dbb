using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>/crews/{id}/cards: the crew's own cards, written and read by its joined members alone; 404 to everyone else.</summary>
public sealed class CrewCardsModel(CrewAccess access, OwnCards own, AddOwnCard add, RemoveOwnCard remove, EditOwnCard edit, MoveOwnCard move,
    IStringLocalizer<Strings> strings)
    : OwnDeckPageModel(own, add, remove, edit, move, strings)
{
    [FromRoute] public Guid Id { get; set; }

    protected override async Task<IActionResult?> LoadOwnerAsync()
    {
        var view = await access.LoadAsync(Id, User, HttpContext.RequestAborted);
        if (view is null || !view.IsJoined)
        {
            return NotFound();
        }
        Owner = new CardOwner(true, view.Crew.Id);
        OwnerName = view.Crew.Name;
        DrawnOn = $"/crews/{view.Crew.Id}#drawn-card";
        CanWrite = true;
        return null;
    }
}
