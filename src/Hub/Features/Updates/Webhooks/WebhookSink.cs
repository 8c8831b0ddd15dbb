using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Contracts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

/// <summary>
/// Turns an announcement into one delivery row per interested target, in the announcer's unit of
/// work (added, not saved); <see cref="WebhookSender"/> delivers them after the commit. A chat room shows one message to
/// everyone in it, so the hub's own words there are in one language, <c>Updates:WebhookLanguage</c> (English unless set).
/// </summary>
internal sealed class WebhookSink(HubDbContext db, WebhookSignal signal, TimeProvider time, IOptions<UpdatesOptions> options,
    IStringLocalizer<Strings> strings) : IAnnouncementSink
{
    public async Task AnnounceAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var targets = await db.WebhookTargets.AsNoTracking().Where(t => t.RemovedAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var target in targets.Where(t => t.Kinds.Split(',').Contains(announcement.Kind)))
        {
            var id = Guid.NewGuid();
            string body;
            using (RecipientLanguage.Of(options.Value.WebhookLanguage))
            {
                body = WebhookPayloads.Body(target.Format, announcement, id, strings);
            }
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = id,
                TargetId = target.Id,
                Kind = announcement.Kind,
                Title = announcement.Title.Length > 300 ? announcement.Title[..300] : announcement.Title,
                Body = body,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        // A wake-up before the commit finds nothing yet; the next poll (or a later wake) does.
        signal.WakeSoon();
    }
}
