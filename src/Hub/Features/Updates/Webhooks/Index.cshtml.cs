using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

/// <summary>Chat targets and their delivery log: hosts read it, administrators add and remove targets.</summary>
[Authorize]
public sealed class WebhooksModel(HubDbContext db, UpdatesAccess access, ManageWebhookTargets manage, ViewerClock times,
    IStringLocalizer<Strings> strings) : HubPageModel
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
        // The operation says what is missing, in the reader's words; the framework's implicit "The X field is required."
        // for an empty text (in English) would only repeat it.
        ModelState.Clear();
        if (!IsAdmin)
        {
            return Forbid();
        }
        var (outcome, secret) = await manage.AddAsync(new ManageWebhookTargets.Input(Name, Format, Address, Secret, Kinds), cancellationToken);
        if (outcome.Succeeded)
        {
            NewSecret = secret;
        }
        return await AfterAsync(outcome, strings["Updates.Webhooks.Added", (Name ?? "").Trim()],
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/webhooks");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }
        return await AfterAsync(await manage.RemoveAsync(id, cancellationToken), strings["Updates.Webhooks.Removed"],
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/webhooks");
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, [FromServices] SendWebhookTest test, CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }
        var (outcome, name) = await test.RunAsync(id, cancellationToken);
        return await AfterAsync(outcome, strings["Updates.Webhooks.TestSent", name],
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/admin/webhooks");
    }

    /// <summary>A kind of news in the reader's words ("event" is "New events"); a kind the hub no longer knows as stored.</summary>
    public string KindName(string kind) => kind switch
    {
        Platform.Contracts.Announcement.NewEvent or Platform.Contracts.Announcement.Newsletter or Platform.Contracts.Announcement.Episode or SendWebhookTest.Kind => strings[$"Updates.Kind.{kind}"],
        _ => kind,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Targets = await db.WebhookTargets.AsNoTracking().Where(t => t.RemovedAt == null).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var zone = await times.ZoneAsync();
        var rows = await db.WebhookDeliveries.AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(100)
            .Join(db.WebhookTargets, d => d.TargetId, t => t.Id, (d, t) => new { d, t.Name }).ToListAsync(cancellationToken);
        Log = [.. rows.Select(r => new LogRow(r.Name, r.d.Kind, r.d.Title, ViewerClock.FormatIn(r.d.CreatedAt, zone), r.d.Attempts,
            strings[r.d.DeliveredAt is not null ? "Updates.Webhooks.State.Delivered" : r.d.FailedAt is not null ? "Updates.Webhooks.State.GivenUp" : r.d.Attempts == 0 ? "Updates.Webhooks.State.Waiting" : "Updates.Webhooks.State.Retrying"],
            r.d.DeliveredAt is not null ? (r.d.LastStatus is { } s ? $"HTTP {s}" : null)
                : r.d.LastError is null ? null : r.d.FailedAt is null ? strings["Updates.Webhooks.NextTry", r.d.LastError, ViewerClock.FormatIn(r.d.NextAttemptAt, zone)] : r.d.LastError))];
    }
}
