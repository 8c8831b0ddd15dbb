using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>The newsletter's front door: subscribe (no account needed), and every past issue.</summary>
// The form sends email to any address typed in, so it is limited like the sign-up form.
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class NewsletterIndexModel(HubDbContext db, SubscribeToNewsletter subscribe, ViewerClock times, UpdatesAccess access) : HubPageModel
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
        var outcome = await subscribe.RunAsync(Email, Name, cancellationToken);
        return await AfterAsync(outcome,
            $"Almost there: we sent a link to {(Email ?? "").Trim()}. Open it to confirm, and the next issue comes to you.",
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
