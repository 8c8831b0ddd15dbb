using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>Posting an offer or a request: what, for whom (the hub or one of one's congregations), where, until when.</summary>
[Authorize]
public sealed class NewOfferModel(HubDbContext db, PostOffer post, ViewerClock clock, TimeProvider time, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed class InputModel
    {
        public OfferPostKind Kind { get; set; } = OfferPostKind.Offer;
        public OfferCategory Category { get; set; } = OfferCategory.Skill;
        public string? Title { get; set; }
        public string? Details { get; set; }
        public string? Skills { get; set; }
        public string? Place { get; set; }
        public bool Online { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public Guid? CongregationId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name, string Slug)> Congregations { get; private set; } = [];
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(string? congregation, string? kind)
    {
        await LoadAsync();
        var zone = await clock.ZoneAsync();
        // A month from today: long enough to be found, short enough to stay true.
        Input.ExpiresOn = TimeZones.ToLocal(time.GetUtcNow().UtcDateTime, zone).Date.PlusMonths(1).ToDateOnly();
        Input.CongregationId = Congregations.Where(c => c.Slug == congregation).Select(c => (Guid?)c.Id).FirstOrDefault();
        Input.Kind = kind == "request" ? OfferPostKind.Request : OfferPostKind.Offer;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var zone = await clock.ZoneAsync();
        if (ModelState["Input.ExpiresOn"]?.Errors.Count > 0)
        {
            ModelState.Remove("Input.ExpiresOn");
            ModelState.AddModelError("Input.ExpiresOn", strings["Offers.Problem.DateFormat"]);
        }
        foreach (var (field, message) in new[] { ("Kind", strings["Offers.Problem.Kind"].Value), ("Category", strings["Offers.Problem.CategoryChoose"].Value), ("CongregationId", strings["Offers.Problem.Congregation"].Value) })
        {
            if (ModelState[$"Input.{field}"]?.Errors.Count > 0)
            {
                ModelState.Remove($"Input.{field}");
                ModelState.AddModelError($"Input.{field}", message);
            }
        }
        var input = new PostOffer.Input(Input.Kind, Input.Category, Input.Title ?? "", Input.Details ?? "", Input.Skills ?? "", Input.Place ?? "", Input.Online,
            Input.ExpiresOn, Input.CongregationId);
        if (!ModelState.IsValid)
        {
            foreach (var (field, message) in PostOffer.Problems(input, zone, time.GetUtcNow().UtcDateTime, strings)
                .Where(p => ModelState[$"Input.{p.Field}"] is not { Errors.Count: > 0 }))
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
            await LoadAsync();
            return Page();
        }
        var (outcome, id) = await post.RunAsync(me, input, zone, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, "Input");
            await LoadAsync();
            return Page();
        }
        Notice = strings["Offers.Notice.Posted"];
        return Redirect($"/offers/{id}");
    }

    private async Task LoadAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await clock.ZoneAsync();
        Congregations = (await db.Memberships.AsNoTracking().Where(m => m.UserId == me).OrderBy(m => m.Congregation.Name)
            .Select(m => new { m.CongregationId, m.Congregation.Name, m.Congregation.Slug }).ToListAsync(HttpContext.RequestAborted))
            .Select(c => (c.CongregationId, c.Name, c.Slug)).ToList();
    }
}
