using Microsoft.AspNetCore.Mvc;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Hosts name the congregation's levels, say what each means, and what each lets a member do.</summary>
public sealed class LevelsModel(CongregationAccess access, EditLevels edit) : CongregationPageModel(access)
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

    /// <summary>The level whose form failed, so it shows what was typed.</summary>
    public Guid? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsHost) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        Editing = LevelId;
        return await AfterAsync(await edit.SaveAsync(View, LevelId, new EditLevels.LevelInput(Name, Description, CanInvite, CanHostEvents), HttpContext.RequestAborted),
            $"{Name?.Trim()} is saved. The congregation's page explains it now.", () => Task.FromResult<IActionResult>(Page()));
    }

    public async Task<IActionResult> OnPostAddAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await edit.AddAsync(View, new EditLevels.LevelInput(NewName, NewDescription, NewCanInvite, NewCanHostEvents), HttpContext.RequestAborted),
            $"{NewName?.Trim()} is added at the top of the path.", () => Task.FromResult<IActionResult>(Page()));
}
