using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts name the congregation's levels, say what each means and what each lets a member do, put them in order, and
/// remove one (its people move to a level the host chooses).
/// </summary>
public sealed class LevelsModel(CongregationAccess access, HubDbContext db, EditLevels edit, MoveLevel move, RemoveLevel remove,
    IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    [BindProperty] public Guid LevelId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool CanInvite { get; set; }
    [BindProperty] public bool CanHostEvents { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewDescription { get; set; }
    [BindProperty] public bool NewCanInvite { get; set; }
    [BindProperty] public bool NewCanHostEvents { get; set; }

    [BindProperty] public bool Earlier { get; set; }
    [BindProperty] public Guid? MoveTo { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    /// <summary>The level whose form failed, so it shows what was typed.</summary>
    public Guid? Editing { get; private set; }

    /// <summary>The level whose removal was refused: its form is open, showing why.</summary>
    public Guid? Removing { get; private set; }

    /// <summary>How many people hold each level: the removal form says it and asks where they go.</summary>
    public IReadOnlyDictionary<Guid, int> Holders { get; private set; } = new Dictionary<Guid, int>();

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsHost) ?? await ShowAsync();

    public async Task<IActionResult> OnPostMoveAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        var name = View.Congregation.Levels.FirstOrDefault(l => l.Id == LevelId)?.Name;
        return await AfterAsync(await move.RunAsync(View, LevelId, Earlier, HttpContext.RequestAborted),
            t[Earlier ? "Congregations.Levels.Notice.MovedEarlier" : "Congregations.Levels.Notice.MovedLater", name ?? ""], ShowAsync, $"/congregations/{slug}/levels#level-{LevelId.ToString("N")[..8]}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        Removing = LevelId;
        var name = View.Congregation.Levels.FirstOrDefault(l => l.Id == LevelId)?.Name;
        return await AfterAsync(await remove.RunAsync(View, LevelId, MoveTo, Confirm, HttpContext.RequestAborted),
            t["Congregations.Levels.Notice.Removed", name ?? ""], ShowAsync);
    }

    private async Task<IActionResult> ShowAsync()
    {
        var id = View.Congregation.Id;
        Holders = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == id).GroupBy(m => m.LevelId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        Editing = LevelId;
        return await AfterAsync(await edit.SaveAsync(View, LevelId, new EditLevels.LevelInput(Name, Description, CanInvite, CanHostEvents), HttpContext.RequestAborted),
            t["Congregations.Levels.Notice.Saved", Name?.Trim() ?? ""], ShowAsync);
    }

    public async Task<IActionResult> OnPostAddAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await edit.AddAsync(View, new EditLevels.LevelInput(NewName, NewDescription, NewCanInvite, NewCanHostEvents), HttpContext.RequestAborted),
            t["Congregations.Levels.Notice.Added", NewName?.Trim() ?? ""], ShowAsync);
}
