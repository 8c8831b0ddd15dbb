using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>The newsletter's front door: subscribe (no account needed), and every past issue.</summary>
// The form sends email to any address typed in, so it is limited like the sign-up form.
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class NewsletterIndexModel(HubDbContext db, SubscribeToNewsletter subscribe, ViewerClock times, UpdatesAccess access,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record Row(Guid Id, string Subject, string When);

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<Row> Issues { get; private set; } = [];
    public bool MayWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(Email))
        {
            Email = User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? User.Identity.Name ?? "";
        }
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The operation says what is missing, in the reader's words; the framework's implicit "The X field is required."
        // for an empty text (in English) would only repeat it.
        ModelState.Clear();
        var outcome = await subscribe.RunAsync(Email, Name, cancellationToken);
        return await AfterAsync(outcome,
            strings["Updates.Newsletter.AlmostThere", (Email ?? "").Trim()],
            async () => { await LoadAsync(cancellationToken); return Page(); });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var zone = await times.ZoneAsync();
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt)
            .Select(i => new { i.Id, i.Subject, i.SentAt }).Take(200).ToListAsync(cancellationToken);
        Issues = [.. issues.Select(i => new Row(i.Id, i.Subject, ViewerClock.DateIn(i.SentAt, zone)))];
        MayWrite = await access.MaySpeakAsync(User, cancellationToken);
    }
}
