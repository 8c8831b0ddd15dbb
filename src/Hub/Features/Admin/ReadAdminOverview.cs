using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Admin;

/// <summary>
/// The state of every administrative part at a glance, for /admin. It reads the other features'
/// tables directly (counts and the latest rows only) rather than calling into them: the overview
/// must stay a handful of small queries whatever the size of the hub, and must not grow a web of
/// references between features.
/// </summary>
public sealed class ReadAdminOverview(HubDbContext db, TimeProvider time, IOptions<EmailOptions> email, IWebHostEnvironment environment)
{
    public sealed record HandbookState(int Pages, HandbookImport? LastImport, bool Running, DateTime? NextResyncAt);

    public sealed record FailingTarget(Guid Id, string Name, int GivenUp, int Retrying, string? LastError);

    public sealed record WebhookState(int Targets, IReadOnlyList<FailingTarget> Failing);

    /// <summary>Waiting: not sent and not given up; of those, Retrying have failed at least once. Failed: given up in the last 30 days.</summary>
    public sealed record OutboxState(bool UsesSmtp, int Waiting, int Retrying, int FailedRecently, DateTime? OldestWaitingSince, string? LastError, int SentToday);

    public sealed record CommonsState(int Treasurers, int Administrators, int VetoHolders, DateTime? LastImportedEntry, int ImportedEntries);

    public sealed record NewsletterState(int Subscribers, int Bounced, DateTime? LastIssueAt, string? LastIssueSubject, int Waiting, int Failed);

    public sealed record PodcastState(int Episodes, DateTime? LastPublishedAt, string? LastTitle);

    public sealed record Overview(HandbookState Handbook, WebhookState Webhooks, OutboxState Outbox, CommonsState Commons,
        NewsletterState Newsletter, PodcastState Podcast, bool MailboxIsOn);

    public async Task<Overview> RunAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var monthAgo = now.AddDays(-30);
        var dayAgo = now.AddDays(-1);

        var sync = await db.Set<HandbookSync>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == HandbookSync.SingletonId, cancel);
        var lastImport = await db.HandbookImports.AsNoTracking().OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancel);
        var handbook = new HandbookState(await db.HandbookPages.CountAsync(cancel), lastImport, lastImport is { FinishedAt: null } && sync?.RunningImportId == lastImport.Id,
            sync?.NextDueAt);

        var targets = await db.WebhookTargets.AsNoTracking().Where(t => t.RemovedAt == null).Select(t => new { t.Id, t.Name }).ToListAsync(cancel);
        var ids = targets.Select(t => t.Id).ToList();
        // A target fails when a recent delivery was given up or is being retried; the newest error says why.
        var troubled = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.TargetId) && d.DeliveredAt == null && d.Attempts > 0 && (d.FailedAt == null || d.FailedAt > monthAgo))
            .Select(d => new { d.TargetId, d.FailedAt, d.LastError, d.CreatedAt }).ToListAsync(cancel);
        var failing = troubled.GroupBy(d => d.TargetId).Select(g => new FailingTarget(g.Key, targets.Single(t => t.Id == g.Key).Name,
                g.Count(d => d.FailedAt != null), g.Count(d => d.FailedAt == null), g.OrderByDescending(d => d.CreatedAt).First().LastError))
            .OrderBy(f => f.Name, StringComparer.CurrentCulture).ToList();

        var waiting = await db.OutgoingEmails.AsNoTracking().Where(e => e.SentAt == null && e.FailedAt == null)
            .GroupBy(e => 1).Select(g => new { Count = g.Count(), Retrying = g.Count(e => e.Attempts > 0), Oldest = g.Min(e => e.CreatedAt) })
            .SingleOrDefaultAsync(cancel);
        var failed = await db.OutgoingEmails.AsNoTracking().CountAsync(e => e.FailedAt != null && e.FailedAt > monthAgo, cancel);
        var lastError = await db.OutgoingEmails.AsNoTracking().Where(e => e.SentAt == null && e.LastError != null)
            .OrderByDescending(e => e.CreatedAt).Select(e => e.LastError).FirstOrDefaultAsync(cancel);
        var sentToday = await db.OutgoingEmails.AsNoTracking().CountAsync(e => e.SentAt != null && e.SentAt > dayAgo, cancel);
        var outbox = new OutboxState(email.Value.UsesSmtp, waiting?.Count ?? 0, waiting?.Retrying ?? 0, failed, waiting?.Oldest, lastError, sentToday);

        var roles = await db.CommonsRoles.AsNoTracking().GroupBy(r => r.Role).Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(cancel);
        int Holders(CommonsRoleKind kind) => roles.FirstOrDefault(r => r.Role == kind)?.Count ?? 0;
        var imported = db.LedgerEntries.AsNoTracking().Where(e => e.ExternalId != null && e.ExternalId.StartsWith("opencollective:"));
        var commons = new CommonsState(Holders(CommonsRoleKind.Treasurer), Holders(CommonsRoleKind.Administrator), Holders(CommonsRoleKind.VetoHolder),
            await imported.OrderByDescending(e => e.RecordedAt).Select(e => (DateTime?)e.RecordedAt).FirstOrDefaultAsync(cancel), await imported.CountAsync(cancel));

        var lastIssue = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.SentAt).Select(i => new { i.SentAt, i.Subject }).FirstOrDefaultAsync(cancel);
        var newsletter = new NewsletterState(
            await db.NewsletterSubscribers.CountAsync(s => s.ConfirmedAt != null && s.UnsubscribedAt == null && s.BouncedAt == null, cancel),
            await db.NewsletterSubscribers.CountAsync(s => s.BouncedAt != null && s.UnsubscribedAt == null, cancel),
            lastIssue?.SentAt, lastIssue?.Subject,
            await db.NewsletterDeliveries.CountAsync(d => d.SentAt == null && d.FailedAt == null, cancel),
            await db.NewsletterDeliveries.CountAsync(d => d.FailedAt != null && d.FailedAt > monthAgo, cancel));

        var lastEpisode = await db.Episodes.AsNoTracking().OrderByDescending(e => e.PublishedAt).Select(e => new { e.PublishedAt, e.Title }).FirstOrDefaultAsync(cancel);
        var podcast = new PodcastState(await db.Episodes.CountAsync(cancel), lastEpisode?.PublishedAt, lastEpisode?.Title);

        return new Overview(handbook, new WebhookState(targets.Count, failing), outbox, commons, newsletter, podcast, !environment.IsProduction());
    }
}
