using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// Everything a person holds, in every congregation, with a hand-over for each: the founder's view, to hand out what
/// they carry one responsibility at a time. Invitations waiting for them are listed too.
/// </summary>
[Authorize]
public sealed class MyResponsibilitiesModel(HubDbContext db, ViewerClock clock, TimeProvider time) : HubPageModel
{
    public sealed record Held(Guid Id, string Name, string Congregation, string Slug, DateTime Since, DateOnly? ReviewOn, bool Due, int Others, string? WaitingFor);

    public sealed record Invited(string Responsibility, string Congregation, string Slug);

    public IReadOnlyList<Held> Holding { get; private set; } = [];
    public IReadOnlyList<Invited> Invitations { get; private set; } = [];
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var ct = HttpContext.RequestAborted;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await db.ResponsibilityHolders.AsNoTracking().Where(h => h.UserId == me)
            .Join(db.Responsibilities.Where(r => r.RetiredAt == null), h => h.ResponsibilityId, r => r.Id, (h, r) => new { h.Since, r })
            .Join(db.Congregations, x => x.r.CongregationId, c => c.Id, (x, c) => new
            {
                x.r.Id,
                x.r.Name,
                Congregation = c.Name,
                c.Slug,
                x.Since,
                x.r.ReviewOn,
                Others = x.r.Holders.Count(o => o.UserId != me),
                WaitingFor = db.ResponsibilityOffers.Where(o => o.ResponsibilityId == x.r.Id && o.Status == OfferStatus.Waiting && o.OfferedByUserId == me)
                    .Select(o => o.User.DisplayName).FirstOrDefault(),
            })
            .OrderBy(x => x.Congregation).ThenBy(x => x.Name)
            .ToListAsync(ct);
        Holding = [.. rows.Select(x => new Held(x.Id, x.Name, x.Congregation, x.Slug, x.Since, x.ReviewOn, x.ReviewOn <= today, x.Others, x.WaitingFor))];
        Invitations = await db.ResponsibilityOffers.AsNoTracking().Where(o => o.UserId == me && o.Status == OfferStatus.Waiting)
            .Join(db.Responsibilities, o => o.ResponsibilityId, r => r.Id, (o, r) => new { r.Name, r.CongregationId })
            .Join(db.Congregations, x => x.CongregationId, c => c.Id, (x, c) => new Invited(x.Name, c.Name, c.Slug))
            .ToListAsync(ct);
        await clock.ZoneAsync();
        NotKept.Say(Response);
        return Page();
    }
}
