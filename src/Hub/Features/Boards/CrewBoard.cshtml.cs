using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>/crews/{id}/board: the crew's board, for its joined members alone; 404 to everyone else, administrators too.</summary>
public sealed class CrewBoardModel(CrewAccess access, ReadBoard read, AddBoardCard add, MoveBoardCard move, RemoveBoardCard remove,
    IStringLocalizer<Strings> strings)
    : BoardPageModel(read, add, move, remove, strings)
{
    [FromRoute] public Guid Id { get; set; }

    protected override async Task<IActionResult?> LoadOwnerAsync()
    {
        var view = await access.LoadAsync(Id, User, HttpContext.RequestAborted);
        if (view is null || !view.IsJoined)
        {
            return NotFound();
        }
        Owner = BoardOwner.Crew(view.Crew.Id, view.Crew.Name);
        return null;
    }
}
