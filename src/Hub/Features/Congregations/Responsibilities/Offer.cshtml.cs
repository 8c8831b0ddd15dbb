using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>A holder or a host invites a member to a responsibility; a holder may hand it over (stepping down as they accept).</summary>
public sealed class OfferResponsibilityModel(CongregationAccess access, HubDbContext db, OfferResponsibility offer, IStringLocalizer<Strings> t)
    : CongregationPageModel(access)
{
    public sealed record Person(string Id, string Name);

    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<string> Holders { get; private set; } = [];
    public bool Holds { get; private set; }
    public IReadOnlyList<Person> People { get; private set; } = [];

    [BindProperty] public string? ToUserId { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool HandOver { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id) => await LoadAsync(slug, v => v.IsSignedIn) ?? await ShowAsync(id);

    public async Task<IActionResult> OnPostAsync(string slug, Guid id)
    {
        if (await LoadAsync(slug, v => v.IsSignedIn) is { } refused)
        {
            return refused;
        }
        var shown = await ShowAsync(id);
        if (shown is not PageResult)
        {
            return shown;
        }
        return await AfterAsync(await offer.RunAsync(View, id, ToUserId, Note, HandOver, HttpContext.RequestAborted),
            t["Congregations.Resp.Notice.Offered"], () => Task.FromResult<IActionResult>(shown),
            ResponsibilitiesFeature.PathOf(View.Congregation.Slug));
    }

    /// <summary>The page, or 404 for no such responsibility and 403 for a viewer who neither holds it nor hosts.</summary>
    private async Task<IActionResult> ShowAsync(Guid id)
    {
        var c = View.Congregation;
        var r = await db.Responsibilities.AsNoTracking().Where(x => x.Id == id && x.CongregationId == c.Id && x.RetiredAt == null)
            .Select(x => new { x.Name, x.Description, Holders = x.Holders.Select(h => new { h.UserId, h.User.DisplayName }).ToList() })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (r is null)
        {
            return View.IsMember || View.IsAdmin ? NotFound() : Forbid();
        }
        Holds = r.Holders.Any(h => h.UserId == View.UserId);
        if (!Holds && !View.IsHost)
        {
            return Forbid();
        }
        (Name, Description, Holders) = (r.Name, r.Description, [.. r.Holders.Select(h => h.DisplayName)]);
        var holding = r.Holders.Select(h => h.UserId).ToList();
        People = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId != View.UserId && !holding.Contains(m.UserId))
            .OrderBy(m => m.User.DisplayName).Select(m => new Person(m.UserId, m.User.DisplayName)).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
