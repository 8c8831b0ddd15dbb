using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A congregation's working groups, for its members: running ones to join, ended ones for the record.</summary>
public sealed class WorkingGroupsModel(CongregationAccess access, HubDbContext db, StartWorkingGroup start, JoinWorkingGroup join, TimeProvider time,
    IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    public sealed record Group(Guid Id, string Name, string Purpose, DateOnly EndsOn, IReadOnlyList<string> Members, bool IAmIn);

    public IReadOnlyList<Group> Running { get; private set; } = [];
    public IReadOnlyList<Group> Ended { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public Guid GroupId { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.CanSeeMembers) ?? await ListAsync();

    public async Task<IActionResult> OnPostStartAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid && ModelState[nameof(EndsOn)]?.Errors.Count > 0)
        {
            ModelState.Remove(nameof(EndsOn));
            ModelState.AddModelError(nameof(EndsOn), t["Congregations.Groups.DateFormat"]);
            return await ListAsync();
        }
        var (outcome, _) = await start.RunAsync(View, Name ?? "", Purpose ?? "", EndsOn, HttpContext.RequestAborted);
        return await AfterAsync(outcome, t["Congregations.Groups.Notice.Started", Name?.Trim() ?? ""], ListAsync);
    }

    public async Task<IActionResult> OnPostJoinAsync(string slug) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await join.RunAsync(View, GroupId, join: true), t["Congregations.Groups.Notice.Joined"], ListAsync);

    public async Task<IActionResult> OnPostLeaveAsync(string slug) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await join.RunAsync(View, GroupId, join: false), t["Congregations.Groups.Notice.Left"], ListAsync);

    private async Task<IActionResult> ListAsync()
    {
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var me = View.UserId;
        var groups = await db.WorkingGroups.AsNoTracking().Where(g => g.CongregationId == View.Congregation.Id)
            .OrderBy(g => g.EndsOn).ThenBy(g => g.Name)
            .Select(g => new
            {
                g.Id,
                g.Name,
                g.Purpose,
                g.EndsOn,
                Members = g.Members.OrderBy(m => m.JoinedAt).Select(m => new { m.UserId, m.User.DisplayName }).ToList(),
            })
            .ToListAsync(HttpContext.RequestAborted);
        var all = groups.Select(g => new Group(g.Id, g.Name, g.Purpose, g.EndsOn, [.. g.Members.Select(m => m.DisplayName)],
            g.Members.Any(m => m.UserId == me))).ToList();
        Running = [.. all.Where(g => g.EndsOn >= Today)];
        Ended = [.. all.Where(g => g.EndsOn < Today).OrderByDescending(g => g.EndsOn)];
        return Page();
    }
}
