using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>
/// Open offers and requests a member may see, searchable by words or skill, place and online; at
/// /congregations/{slug}/offers-and-requests the same list for one congregation's members. Below, the viewer's own
/// posts, open or ended, to renew or close.
/// </summary>
[Authorize]
public sealed class OffersIndexModel(HubDbContext db, CongregationAccess congregations, ViewerClock clock, TimeProvider time) : HubPageModel
{
    public sealed record Row(Guid Id, OfferPostKind Kind, OfferCategory Category, string Title, string Skills, string Place, bool Online, DateTime ExpiresAt,
        DateTime? ClosedAt, string PosterId, string Poster, string? Congregation, int Answers);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }
    [BindProperty(SupportsGet = true)] public bool Online { get; set; }
    [BindProperty(SupportsGet = true)] public OfferPostKind? Kind { get; set; }

    /// <summary>Set on a congregation's address.</summary>
    public CongregationView? Congregation { get; private set; }

    public IReadOnlyList<Row> Posts { get; private set; } = [];
    public IReadOnlyList<Row> Mine { get; private set; } = [];
    public DateTime Now { get; private set; }
    public ViewerClock Clock => clock;
    public bool Searching => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Place) || Online || Kind is not null;
    public string BasePath => Congregation is null ? "/offers" : $"/congregations/{Congregation.Congregation.Slug}/offers-and-requests";

    public async Task<IActionResult> OnGetAsync(string? slug)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (slug is not null)
        {
            Congregation = await congregations.LoadAsync(slug, User, HttpContext.RequestAborted);
            if (Congregation is null)
            {
                return NotFound();
            }
            // A congregation's posts are its members' (an administrator who is not one sees none of them).
            if (!Congregation.IsMember)
            {
                return Forbid();
            }
        }
        await clock.ZoneAsync();
        Now = time.GetUtcNow().UtcDateTime;
        var visible = OfferAccess.VisibleTo(db, me).AsNoTracking();
        if (Congregation is not null)
        {
            visible = visible.Where(p => p.CongregationId == Congregation.Congregation.Id);
        }
        var open = visible.Open(Now);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            open = open.Where(OfferAccess.Matches(Q));
        }
        // A place and "online" together find both: what is near and what needs no travel.
        if (!string.IsNullOrWhiteSpace(Place))
        {
            open = open.Where(OfferAccess.InPlace(Place, Online));
        }
        else if (Online)
        {
            open = open.Where(p => p.Online);
        }
        if (Kind is { } kind)
        {
            open = open.Where(p => p.Kind == kind);
        }
        Posts = await Rows(open.OrderBy(p => p.ExpiresAt)).Take(100).ToListAsync(HttpContext.RequestAborted);
        Mine = await Rows(visible.Where(p => p.PosterUserId == me).OrderByDescending(p => p.CreatedAt)).Take(50).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }

    private IQueryable<Row> Rows(IQueryable<OfferPost> posts) => posts.Select(p => new Row(p.Id, p.Kind, p.Category, p.Title, p.Skills, p.Place, p.Online,
        p.ExpiresAt, p.ClosedAt, p.PosterUserId, p.Poster.DisplayName,
        db.Congregations.Where(c => c.Id == p.CongregationId).Select(c => c.Name).FirstOrDefault(), p.Answers.Count));
}
