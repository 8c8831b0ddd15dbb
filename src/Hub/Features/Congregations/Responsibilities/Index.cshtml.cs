using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>
/// The register: each responsibility, who holds it since when, and its review date, for members (and the network's
/// administrators). Invitations waiting for the viewer are answered at its top; holders step down, hosts add and retire.
/// </summary>
public sealed class ResponsibilitiesModel(CongregationAccess access, HubDbContext db, ViewerClock clock, TimeProvider time,
    SaveResponsibility save, RetireResponsibility retire, AnswerResponsibilityOffer answer, StepDownFromResponsibility stepDown,
    IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    public sealed record Holder(string UserId, string Name, DateTime Since);

    public sealed record Waiting(Guid OfferId, string To, string From, bool HandOver, bool MayWithdraw);

    public sealed record Row(Guid Id, string Name, string Description, DateOnly? ReviewOn, bool Due, IReadOnlyList<Holder> Holders, IReadOnlyList<Waiting> Waiting)
    {
        public string Anchor => "r-" + Id.ToString("N")[..10];
    }

    public sealed record Invitation(Guid OfferId, string Responsibility, string Description, string From, string Note, bool HandOver, DateTime CreatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public ViewerClock Clock => clock;

    [BindProperty] public Guid ResponsibilityId { get; set; }
    [BindProperty] public Guid OfferId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Suggestion { get; set; }

    private static bool MayRead(CongregationView v) => v.IsMember || v.IsAdmin;

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, MayRead) ?? await ShowAsync();

    public async Task<IActionResult> OnPostSuggestAsync(string slug)
    {
        if (await LoadAsync(slug, v => v.IsHost) is { } refused)
        {
            return refused;
        }
        if (Suggestion < 0 || Suggestion >= ResponsibilitiesFeature.Suggestions.Count)
        {
            return BadRequest();
        }
        string name = t[ResponsibilitiesFeature.Suggestions[Suggestion].Name], description = t[ResponsibilitiesFeature.Suggestions[Suggestion].Description];
        var (outcome, _) = await save.RunAsync(View, null, new SaveResponsibility.Input(name, description, null), HttpContext.RequestAborted);
        return await AfterAsync(outcome, t["Congregations.Resp.Notice.Added", name], ShowAsync);
    }

    public async Task<IActionResult> OnPostRetireAsync(string slug) =>
        await LoadAsync(slug, v => v.IsHost) ?? await AfterAsync(await retire.RunAsync(View, ResponsibilityId, Reason, HttpContext.RequestAborted),
            t["Congregations.Resp.Notice.Retired"], ShowAsync);

    public async Task<IActionResult> OnPostStepDownAsync(string slug) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await stepDown.RunAsync(View, ResponsibilityId, Reason, HttpContext.RequestAborted),
            t["Congregations.Resp.Notice.SteppedDown"], ShowAsync);

    public async Task<IActionResult> OnPostAnswerAsync(string slug, bool accept) =>
        await LoadAsync(slug, v => v.IsMember) ?? await AfterAsync(await answer.RunAsync(View, OfferId, accept, HttpContext.RequestAborted),
            t[accept ? "Congregations.Resp.Notice.Accepted" : "Congregations.Offers.Notice.Declined"], ShowAsync);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug) =>
        await LoadAsync(slug, MayRead) ?? await AfterAsync(await answer.WithdrawAsync(View, OfferId, HttpContext.RequestAborted),
            t["Congregations.Resp.Notice.Withdrawn"], ShowAsync);

    private async Task<IActionResult> ShowAsync()
    {
        var c = View.Congregation;
        var ct = HttpContext.RequestAborted;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var responsibilities = await db.Responsibilities.AsNoTracking().Where(r => r.CongregationId == c.Id && r.RetiredAt == null)
            .OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.Description, r.ReviewOn, Holders = r.Holders.OrderBy(h => h.Since).Select(h => new Holder(h.UserId, h.User.DisplayName, h.Since)).ToList() })
            .ToListAsync(ct);
        var offers = await db.ResponsibilityOffers.AsNoTracking().Where(o => o.CongregationId == c.Id && o.Status == OfferStatus.Waiting)
            .OrderBy(o => o.CreatedAt)
            .Select(o => new
            {
                o.Id,
                o.ResponsibilityId,
                o.UserId,
                To = o.User.DisplayName,
                o.OfferedByUserId,
                o.HandOverFromUserId,
                o.Note,
                o.CreatedAt,
                From = db.Users.Where(u => u.Id == o.OfferedByUserId).Select(u => u.DisplayName).FirstOrDefault()
            })
            .ToListAsync(ct);
        Rows = [.. responsibilities.Select(r => new Row(r.Id, r.Name, r.Description, r.ReviewOn, r.ReviewOn <= today, r.Holders,
            [.. offers.Where(o => o.ResponsibilityId == r.Id).Select(o => new Waiting(o.Id, o.To, o.From ?? t["Congregations.Resp.SomeoneLeft"], o.HandOverFromUserId != null,
                View.IsHost || o.OfferedByUserId == View.UserId))]))];
        Invitations = [.. offers.Where(o => o.UserId == View.UserId && responsibilities.Any(r => r.Id == o.ResponsibilityId)).Select(o =>
        {
            var r = responsibilities.First(x => x.Id == o.ResponsibilityId);
            return new Invitation(o.Id, r.Name, r.Description, o.From ?? t["Congregations.Resp.SomeoneLeftName"], o.Note, o.HandOverFromUserId != null, o.CreatedAt);
        })];
        await clock.ZoneAsync();
        return Page();
    }
}
