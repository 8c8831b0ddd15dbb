using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Boards;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Boards;

/// <summary>
/// What the three board pages share: load the owner (each page decides who may see it), show the cards,
/// and the three writes (add, move, remove), each a plain form that works without JavaScript.
/// </summary>
[Authorize]
public abstract class BoardPageModel(ReadBoard read, AddBoardCard add, MoveBoardCard move, RemoveBoardCard remove, IStringLocalizer<Strings> strings) : HubPageModel
{
    public BoardOwner Owner { get; protected set; } = null!;
    public IReadOnlyList<BoardCardView> Cards { get; private set; } = [];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public BoardColumn Column { get; set; }
    [BindProperty] public Guid CardId { get; set; }

    /// <summary>Loads the owner for the viewer; returns the answer to give instead (404, 403, sign in), or null.</summary>
    protected abstract Task<IActionResult?> LoadOwnerAsync();

    protected string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync() => await LoadOwnerAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAddAsync() =>
        await LoadOwnerAsync() ?? await AfterAsync(await add.RunAsync(Owner, Column, Text ?? "", Me, HttpContext.RequestAborted),
            strings["Boards.Added", BoardColumns.Of(Column).Name(strings)], ShowAsync, $"{Owner.Path}#column-{BoardColumns.Of(Column).Key}");

    public async Task<IActionResult> OnPostMoveAsync() =>
        await LoadOwnerAsync() ?? await AfterAsync(await move.RunAsync(Owner, CardId, Column, HttpContext.RequestAborted),
            BoardColumns.IsKnown(Column) ? strings["Boards.Moved", BoardColumns.Of(Column).Name(strings)] : "", ShowAsync, $"{Owner.Path}#card-{CardId}");

    public async Task<IActionResult> OnPostRemoveAsync() =>
        await LoadOwnerAsync() ?? await AfterAsync(await remove.RunAsync(Owner, CardId, HttpContext.RequestAborted), strings["Boards.Removed"], ShowAsync, Owner.Path);

    private async Task<IActionResult> ShowAsync()
    {
        Cards = await read.CardsAsync(Owner, HttpContext.RequestAborted);
        return Page();
    }
}
