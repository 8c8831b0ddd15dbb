using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>
/// One post: for others, the form to answer its poster privately (and what they sent before); for the poster, the
/// answers, and the forms to renew, close or delete it (deleting asks once more).
/// </summary>
[Authorize]
public sealed class OfferModel(HubDbContext db, ViewerClock clock, TimeProvider time, AnswerOffer answer, RenewOffer renew, CloseOffer close,
    DeleteOffer delete, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record AnswerRow(Guid Id, string FromId, string From, string Message, string? Email, DateTime SentAt);

    public OfferPost Post { get; private set; } = null!;
    public string PosterName { get; private set; } = "";
    public string? CongregationName { get; private set; }
    public string? CongregationSlug { get; private set; }
    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];
    public DateTime Now { get; private set; }
    public string Me { get; private set; } = "";
    public ViewerClock Clock => clock;
    public bool IsPoster => Post.PosterUserId == Me;
    public bool IsOpen => OfferAccess.IsOpen(Post, Now);

    [BindProperty] public string? Message { get; set; }
    [BindProperty] public bool ShareEmail { get; set; }
    [BindProperty] public DateOnly? RenewUntil { get; set; }

    /// <summary>Set by the second press of "Delete": it cannot be undone.</summary>
    [BindProperty] public bool Confirmed { get; set; }

    public bool ConfirmingDelete { get; private set; }

    public static string Html(string markdown) => Updates.UpdatesMarkdown.ToHtml(markdown);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        if (IsPoster)
        {
            return Forbid();
        }
        return await AfterAsync(await answer.RunAsync(Me, id, Message ?? "", ShareEmail, HttpContext.RequestAborted),
            strings["Offers.Notice.Answered", PosterName], ShowAsync);
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id)
    {
        if (await LoadAsync(id, posterOnly: true) is { } refused)
        {
            return refused;
        }
        if (ModelState["RenewUntil"]?.Errors.Count > 0)
        {
            ModelState.Remove("RenewUntil");
            ModelState.AddModelError("RenewUntil", strings["Offers.Problem.DateFormat"]);
            return await ShowAsync();
        }
        return await AfterAsync(await renew.RunAsync(Me, id, RenewUntil, await clock.ZoneAsync(), HttpContext.RequestAborted),
            strings["Offers.Notice.Renewed"], ShowAsync);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id) =>
        await LoadAsync(id, posterOnly: true) ?? await AfterAsync(await close.RunAsync(Me, id, HttpContext.RequestAborted),
            strings["Offers.Notice.Closed"], ShowAsync);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await LoadAsync(id, posterOnly: true) is { } refused)
        {
            return refused;
        }
        if (!Confirmed)
        {
            ConfirmingDelete = true;
            return await ShowAsync();
        }
        return await AfterAsync(await delete.RunAsync(Me, id, HttpContext.RequestAborted), strings["Offers.Notice.Deleted"], ShowAsync, "/offers");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool posterOnly = false)
    {
        Me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var post = await OfferAccess.FindAsync(db, id, Me, HttpContext.RequestAborted);
        if (post is null)
        {
            return NotFound();
        }
        Post = post;
        return posterOnly && post.PosterUserId != Me ? Forbid() : null;
    }

    private async Task<IActionResult> ShowAsync()
    {
        var zone = await clock.ZoneAsync();
        Now = time.GetUtcNow().UtcDateTime;
        PosterName = await db.Users.Where(u => u.Id == Post.PosterUserId).Select(u => u.DisplayName).SingleAsync(HttpContext.RequestAborted);
        if (Post.CongregationId is { } congregation)
        {
            var c = await db.Congregations.AsNoTracking().Where(x => x.Id == congregation).Select(x => new { x.Name, x.Slug }).SingleAsync(HttpContext.RequestAborted);
            (CongregationName, CongregationSlug) = (c.Name, c.Slug);
        }
        // The poster reads every answer; anyone else only their own.
        var answers = db.OfferAnswers.AsNoTracking().Where(a => a.PostId == Post.Id);
        if (!IsPoster)
        {
            answers = answers.Where(a => a.FromUserId == Me);
        }
        Answers = await answers.OrderBy(a => a.SentAt)
            .Select(a => new AnswerRow(a.Id, a.FromUserId, a.From.DisplayName, a.Message, a.ShareEmail ? a.From.Email : null, a.SentAt))
            .ToListAsync(HttpContext.RequestAborted);
        RenewUntil ??= TimeZones.ToLocal(Now, zone).Date.PlusMonths(1).ToDateOnly();
        return Page();
    }
}
