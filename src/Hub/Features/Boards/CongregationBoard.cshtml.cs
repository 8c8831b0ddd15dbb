using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>/congregations/{slug}/board: the congregation's board, for its members.</summary>
public sealed class CongregationBoardModel(CongregationAccess access, ReadBoard read, AddBoardCard add, MoveBoardCard move, RemoveBoardCard remove,
    IStringLocalizer<Strings> strings)
    : BoardPageModel(read, add, move, remove, strings)
{
    [FromRoute] public string Slug { get; set; } = "";

    public CongregationView View { get; private set; } = null!;

    protected override async Task<IActionResult?> LoadOwnerAsync()
    {
        if (await BoardAccess.CongregationAsync(access, this, Slug) is not { } view)
        {
            return NotFound();
        }
        if (!view.IsMember)
        {
            return Forbid();
        }
        View = view;
        Owner = BoardOwner.Congregation(view.Congregation.Id, view.Congregation.Name, view.Congregation.Slug);
        return null;
    }
}
