using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>Hosts add a responsibility (no id) or change one: its name, what it involves, its review date.</summary>
public sealed class EditResponsibilityModel(CongregationAccess access, HubDbContext db, SaveResponsibility save, IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateOnly? ReviewOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        if (Id is { } id)
        {
            var r = await db.Responsibilities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CongregationId == View.Congregation.Id && x.RetiredAt == null, HttpContext.RequestAborted);
            if (r is null)
            {
                return NotFound();
            }
            (Name, Description, ReviewOn) = (r.Name, r.Description, r.ReviewOn);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        var (outcome, saved) = await save.RunAsync(View, Id, new SaveResponsibility.Input(Name, Description, ReviewOn), HttpContext.RequestAborted);
        return await AfterAsync(outcome, Id is null ? t["Congregations.Resp.Notice.AddedShort", Name?.Trim() ?? ""] : t["Congregations.Resp.Notice.Saved"], () => Task.FromResult<IActionResult>(Page()),
            ResponsibilitiesFeature.PathOf(View.Congregation.Slug, "r-" + saved.ToString("N")[..10]));
    }
}
