using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Updates;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// A congregation's agreements (its code of conduct): read by anyone signed in, so a person can read them before
/// joining; accepted by members; published in a new version by the hosts. Markdown, rendered and sanitised.
/// </summary>
public sealed class AgreementsModel(CongregationAccess access, HubDbContext db, PublishAgreements publish, AcceptAgreements accept, ViewerClock clock,
    IStringLocalizer<Strings> t) : CongregationPageModel(access)
{
    [BindProperty] public string? Text { get; set; }

    public string? Html { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public int Versions { get; private set; }
    public bool IsAsked { get; private set; }
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(string slug) => await LoadAsync(slug, v => v.IsSignedIn) ?? await ShowAsync(fill: true);

    public async Task<IActionResult> OnPostAcceptAsync(string slug) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await AfterAsync(await accept.RunAsync(View, HttpContext.RequestAborted),
            t["Congregations.Agreements.Notice.Accepted"], () => ShowAsync(fill: true));

    public async Task<IActionResult> OnPostPublishAsync(string slug) =>
        await LoadAsync(slug, v => v.IsSignedIn) ?? await AfterAsync(await publish.RunAsync(View, Text, HttpContext.RequestAborted),
            t["Congregations.Agreements.Notice.Published"], () => ShowAsync(fill: false));

    private async Task<IActionResult> ShowAsync(bool fill)
    {
        var c = View.Congregation;
        var versions = await db.CongregationAgreements.AsNoTracking().Where(a => a.CongregationId == c.Id)
            .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Text, a.PublishedAt }).Take(1).ToListAsync();
        Versions = await db.CongregationAgreements.CountAsync(a => a.CongregationId == c.Id);
        if (versions is [var current])
        {
            Html = UpdatesMarkdown.ToHtml(current.Text);
            PublishedAt = current.PublishedAt;
            if (fill)
            {
                Text = current.Text;
            }
        }
        IsAsked = AcceptAgreements.IsAsked(View);
        await clock.ZoneAsync();
        return Page();
    }
}
