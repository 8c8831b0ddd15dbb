using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

/// <summary>Chat targets and their delivery log: hosts read it, administrators add and remove targets.</summary>
[Authorize]
public sealed class WebhooksModel(HubDbContext db, UpdatesAccess access, ManageWebhookTargets manage, ViewerClock times) : HubPageModel
{
    public sealed record LogRow(string Target, string Kind, string Title, string When, int Attempts, string State, string? Detail);

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public WebhookFormat Format { get; set; }
    [BindProperty] public string Address { get; set; } = "";
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public List<string> Kinds { get; set; } = [.. ManageWebhookTargets.AllKinds];

    public bool IsAdmin => UpdatesAccess.IsAdmin(User);
    public IReadOnlyList<WebhookTarget> Targets { get; private set; } = [];
    public IReadOnlyList<LogRow> Log { get; private set; } = [];

    [TempData]
    public string? NewSecret { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await access.MaySpeakAsync(User, cancellationToken))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }
        var (outcome, secret) = await manage.AddAsync(new ManageWebhookTargets.Input(Name, Format, Address, Secret, Kinds), cancellationToken);
        if (outcome.Succeeded)
        {
            NewSecret = secret;
        }
        return await AfterAsync(outcome, $"Added {(Name ?? "").Trim()}. The next announcement goes there too.",
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/webhooks");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }
        return await AfterAsync(await manage.RemoveAsync(id, cancellationToken), "Removed. Nothing more goes there; its log stays below.",
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/webhooks");
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, [FromServices] SendWebhookTest test, CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }
        var (outcome, name) = await test.RunAsync(id, cancellationToken);
        return await AfterAsync(outcome, $"A test message is on its way to {name}. Its answer shows in the delivery log below in a moment.",
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/webhooks");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Targets = await db.WebhookTargets.AsNoTracking().Where(t => t.RemovedAt == null).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var zone = await times.ZoneAsync();
        var rows = await db.WebhookDeliveries.AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(100)
            .Join(db.WebhookTargets, d => d.TargetId, t => t.Id, (d, t) => new { d, t.Name }).ToListAsync(cancellationToken);
        Log = [.. rows.Select(r => new LogRow(r.Name, r.d.Kind, r.d.Title, ViewerClock.FormatIn(r.d.CreatedAt, zone), r.d.Attempts,
            r.d.DeliveredAt is not null ? "Delivered" : r.d.FailedAt is not null ? "Given up" : r.d.Attempts == 0 ? "Waiting" : "Retrying",
            r.d.DeliveredAt is not null ? (r.d.LastStatus is { } s ? $"HTTP {s}" : null)
                : r.d.LastError is null ? null : r.d.FailedAt is null ? $"{r.d.LastError} Next try {ViewerClock.FormatIn(r.d.NextAttemptAt, zone)}." : r.d.LastError))];
    }
}
