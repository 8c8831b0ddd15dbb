using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>/congregations/{slug}/working-groups/{group}/board: a working group's board, for the congregation's members.</summary>
public sealed class WorkingGroupBoardModel(CongregationAccess access, HubDbContext db, ReadBoard read, AddBoardCard add, MoveBoardCard move, RemoveBoardCard remove,
    IStringLocalizer<Strings> strings)
    : BoardPageModel(read, add, move, remove, strings)
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromRoute] public Guid Group { get; set; }

    public CongregationView View { get; private set; } = null!;
    public string Purpose { get; private set; } = "";

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
        var group = await db.WorkingGroups.AsNoTracking().Where(g => g.Id == Group && g.CongregationId == view.Congregation.Id)
            .Select(g => new { g.Name, g.Purpose }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (group is null)
        {
            return NotFound();
        }
        View = view;
        Purpose = group.Purpose;
        Owner = BoardOwner.WorkingGroup(Group, group.Name, view.Congregation.Slug);
        return null;
    }
}
