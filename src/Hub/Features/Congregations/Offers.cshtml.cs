using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>A member's invitations from the hosts (to host, to a level, into the network), to accept or decline. Members only.</summary>
public sealed class OffersModel(CongregationAccess access, HubDbContext db, AnswerMembershipOffer answer, IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    public sealed record Waiting(Guid Id, string What, string From, string Message, DateTime CreatedAt, string LevelDescription);

    public IReadOnlyList<Waiting> Offers { get; private set; } = [];

    [BindProperty] public Guid OfferId { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsMember) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAnswerAsync(string slug, bool accept) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await answer.RunAsync(View, OfferId, accept, HttpContext.RequestAborted),
            t[accept ? "Congregations.Offers.Notice.Accepted" : "Congregations.Offers.Notice.Declined"], ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        var c = View.Congregation;
        var rows = await db.MembershipOffers.AsNoTracking()
            .Where(o => o.CongregationId == c.Id && o.UserId == View.UserId && o.Status == OfferStatus.Waiting)
            .OrderBy(o => o.CreatedAt)
            .Select(o => new { Offer = o, From = db.Users.Where(u => u.Id == o.OfferedByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(HttpContext.RequestAborted);
        Offers = [.. rows.Select(r => new Waiting(r.Offer.Id, AnswerMembershipOffer.Describe(t, c, r.Offer), r.From ?? "", r.Offer.Message, r.Offer.CreatedAt,
            c.Levels.FirstOrDefault(l => l.Id == r.Offer.LevelId)?.Description ?? ""))];
        return Page();
    }
}
