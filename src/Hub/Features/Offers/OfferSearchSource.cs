using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>
/// Open offers and requests in the site-wide search, for the signed-in person searching only: the hub's and their
/// congregations'. A visitor finds none of them.
/// </summary>
public sealed class OfferSearchSource(HubDbContext db, IHttpContextAccessor http, TimeProvider time, IStringLocalizer<Strings> strings) : ISiteSearchSource
{
    public int Order => 22;

    public async Task<SiteSearchSection> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        var me = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var words = query.Trim();
        if (me is null || words.Length == 0)
        {
            return new SiteSearchSection("Offers", strings["Offers.Title"], [], 0, "/offers");
        }
        var open = OfferAccess.VisibleTo(db, me).Open(time.GetUtcNow().UtcDateTime).Where(OfferAccess.Matches(words));
        var found = await open.OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Title, p.Kind, p.Place, p.Online, Poster = p.Poster.DisplayName })
            .Take(limit).ToListAsync(cancellationToken);
        var total = await open.CountAsync(cancellationToken);
        return new SiteSearchSection("Offers", strings["Offers.Title"],
            [.. found.Select(p => new SiteSearchHit($"/offers/{p.Id}", p.Title,
                $"{OfferText.Kind(strings, p.Kind)} · {p.Poster}{(p.Place != "" ? $" · {p.Place}" : "")}{(p.Online ? $" · {strings["Offers.Online"]}" : "")}"))],
            total, $"/offers?q={Uri.EscapeDataString(words)}");
    }
}
