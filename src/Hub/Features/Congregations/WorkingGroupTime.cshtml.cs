using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Finding a working group's regular time: for its members and the congregation's hosts; 404 for anyone else.</summary>
public sealed class WorkingGroupTimeModel(HubDbContext db, ViewerLoader viewers, TimeFindingAccess access, LoadOverlap overlap,
    MarkAvailability mark, ConfirmFoundTime confirm, TimeProvider time)
    : FindTimePage(db, viewers, access, overlap, mark, confirm, time)
{
    private string slug = "";

    protected override TimeFindingGroup Kind => TimeFindingGroup.WorkingGroup;
    public override string BackUrl => $"/congregations/{slug}/working-groups";

    public async Task<IActionResult> OnGetAsync(string slug, Guid groupId) => await LoadAsync(slug, groupId) ?? await ShowAsync();

    public async Task<IActionResult> OnPostMarkAsync(string slug, Guid groupId) => await LoadAsync(slug, groupId) ?? await MarkAsync();

    public async Task<IActionResult> OnPostConfirmAsync(string slug, Guid groupId) => await LoadAsync(slug, groupId) ?? await ConfirmAsync();

    /// <summary>The group must belong to the congregation in the address, so a link cannot be dressed up as another's.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, Guid groupId)
    {
        if (await LoadGroupAsync(groupId) is { } missing)
        {
            return missing;
        }
        var congregation = await Db.Congregations.AsNoTracking().Where(c => c.Slug == slug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (congregation != Group.CongregationId)
        {
            return NotFound();
        }
        this.slug = slug;
        return null;
    }
}
