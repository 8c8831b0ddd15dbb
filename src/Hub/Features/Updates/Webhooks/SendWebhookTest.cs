using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

/// <summary>
/// Queues a test message to one target (administrators only; the page checks). It goes through the
/// same queue, signature and retries as a real announcement, so what the log says about it is what
/// a real announcement would meet.
/// </summary>
public sealed class SendWebhookTest(HubDbContext db, WebhookSignal signal, PublicAddress links, IOptions<HubOptions> hub, TimeProvider time,
    IStringLocalizer<Strings> strings)
{
    public const string Kind = "test";

    public async Task<(Outcome Outcome, string Name)> RunAsync(Guid targetId, CancellationToken cancellationToken)
    {
        var target = await db.WebhookTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId && t.RemovedAt == null, cancellationToken);
        if (target is null)
        {
            return (Outcome.Refused(strings["Updates.Refused.NothingToTest"]), "");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        // In the words of the administrator who pressed the button: they are the one reading the room to check.
        var announcement = new Announcement(Kind, strings["Updates.Webhooks.TestTitle", hub.Value.Name], links.Absolute("/admin/webhooks"),
            strings["Updates.Webhooks.TestBody"], now);
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            Id = id,
            TargetId = target.Id,
            Kind = Kind,
            Title = announcement.Title,
            Body = WebhookPayloads.Body(target.Format, announcement, id, strings),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return (Outcome.Done, target.Name);
    }
}
