using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>
/// Hosts and administrators write an issue in Markdown, preview it with its recipient count, and
/// only then send: sending cannot be undone, so the send button appears on the preview.
/// </summary>
[Authorize]
public sealed class NewsletterWriteModel(HubDbContext db, UpdatesAccess access, SendNewsletterIssue send, ViewerClock times,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record SentRow(Guid Id, string Subject, string When, string Segment, int Recipients, int Sent, int Waiting, int Failed);

    [BindProperty]
    public string Subject { get; set; } = "";

    [BindProperty]
    public string Markdown { get; set; } = "";

    [BindProperty]
    public NewsletterSegment Segment { get; set; }

    [BindProperty]
    public Guid? CongregationId { get; set; }

    public bool IsAdmin => UpdatesAccess.IsAdmin(User);
    public IReadOnlyList<(Guid Id, string Name)> Congregations { get; private set; } = [];
    public string? PreviewHtml { get; private set; }
    public int? RecipientCount { get; private set; }
    public IReadOnlyList<SentRow> Sent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await access.MaySpeakAsync(User, cancellationToken))
        {
            return Forbid();
        }
        if (!IsAdmin)
        {
            Segment = NewsletterSegment.Congregation;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        // The operation says what is missing, in the reader's words; the framework's implicit "The X field is required."
        // for an empty text (in English) would only repeat it.
        ModelState.Clear();
        if (!await access.MaySpeakAsync(User, cancellationToken))
        {
            return Forbid();
        }
        var input = Input();
        var check = await send.CheckAsync(User, input, cancellationToken);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(check.Field, check.Message);
        }
        else
        {
            PreviewHtml = UpdatesMarkdown.ToHtml(Markdown);
            RecipientCount = await send.CountRecipientsAsync(input, cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        // The operation says what is missing, in the reader's words; the framework's implicit "The X field is required."
        // for an empty text (in English) would only repeat it.
        ModelState.Clear();
        if (!await access.MaySpeakAsync(User, cancellationToken))
        {
            return Forbid();
        }
        var (outcome, id) = await send.RunAsync(User, Input(), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field, outcome.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
        Notice = strings["Updates.Write.Sent"];
        return Redirect("/newsletter/write");
    }

    private SendNewsletterIssue.Input Input() => new(Subject, Markdown, Segment, CongregationId);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Congregations = IsAdmin
            ? [.. (await db.Congregations.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Name))]
            : await access.HostedAsync(User, cancellationToken);
        var zone = await times.ZoneAsync();
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt).Take(20)
            .Select(i => new
            {
                i.Id,
                i.Subject,
                i.SentAt,
                i.Segment,
                i.Recipients,
                Sent = db.NewsletterDeliveries.Count(d => d.IssueId == i.Id && d.SentAt != null),
                Failed = db.NewsletterDeliveries.Count(d => d.IssueId == i.Id && d.FailedAt != null),
                Congregation = db.Congregations.Where(c => c.Id == i.CongregationId).Select(c => c.Name).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        Sent = [.. issues.Select(i => new SentRow(i.Id, i.Subject, ViewerClock.FormatIn(i.SentAt, zone),
            i.Segment switch
            {
                NewsletterSegment.NetworkMembers => strings["Updates.Segment.NetworkMembers"],
                NewsletterSegment.Congregation => i.Congregation is { } name ? strings["Updates.Segment.MembersOf", name] : strings["Updates.Segment.MembersOfOne"],
                _ => strings["Updates.Segment.Everyone"],
            },
            i.Recipients, i.Sent, i.Recipients - i.Sent - i.Failed, i.Failed))];
    }
}
