using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// Gathers each person's waiting notices into one email a day, sent from 08:00 in their own time
/// zone (UTC when they have not set one). Safe to run on several nodes and after a crash: a run
/// claims a person's waiting rows with a conditional update inside the transaction that queues
/// the email, so a notice is in exactly one digest.
/// </summary>
public sealed class SendDailyDigests(HubDbContext db, EmailOutbox outbox, EmailTemplates templates,
    PublicAddress address, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public static readonly TimeOnly SendFrom = new(8, 0);

    /// <summary>Sends every digest that is due now; returns how many were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = await db.Notifications.AsNoTracking()
            .Where(n => n.Email == NotificationEmail.AwaitingDigest)
            .Select(n => n.UserId).Distinct().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var userId in waiting)
        {
            if (await IsDueAsync(userId, now, cancellationToken) && await SendAsync(userId, now, cancellationToken))
            {
                sent++;
            }
        }
        if (sent > 0)
        {
            outbox.Wake();
        }
        return sent;
    }

    private async Task<bool> IsDueAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var zoneId = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = TimeZones.FindOrUtc(zoneId);
        // 08:00 today in their zone, by the hub's one rule: where the clocks skip 08:00, the time after the gap.
        var todayAtEight = TimeZones.ToUtc(TimeZones.ToLocal(now, zone).Date.At(LocalTime.FromTimeOnly(SendFrom)), zone);
        if (now < todayAtEight)
        {
            return false;
        }
        var last = await db.Notifications.Where(n => n.UserId == userId && n.DigestedAt != null)
            .MaxAsync(n => n.DigestedAt, cancellationToken);
        return last is null || last < todayAtEight;
    }

    private async Task<bool> SendAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var batch = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Notifications
            .Where(n => n.UserId == userId && n.Email == NotificationEmail.AwaitingDigest)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Email, NotificationEmail.InDigest)
                .SetProperty(n => n.DigestBatch, batch)
                .SetProperty(n => n.DigestedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false; // another node took them
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.Language }).SingleAsync(cancellationToken);
        var items = await db.Notifications.AsNoTracking().Where(n => n.DigestBatch == batch)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new { n.Kind, n.Title, n.Url }).ToListAsync(cancellationToken);
        // A job has no request: the person's own language is the only one there is.
        using (RecipientLanguage.Of(person.Language))
        {
            // Notices of one kind that point into the same page (a lively thread's posts, each at its own #post-…) make
            // one line: the first of them, linked to where the new part begins, and how many more are there. Ten
            // lines for one thread would bury the rest of the day. A notice that leads to a whole page stays its own
            // line, since two of those may be about different things.
            var lines = items.Select((item, index) => (item, index)).GroupBy(x => x.item.Url.Contains('#') ? $"{x.item.Kind} {PageOf(x.item.Url)}" : $"#{x.index}", x => x.item)
                .Select(page =>
                {
                    var first = page.First();
                    var more = page.Count() - 1;
                    return more == 0 ? $"• {first.Title} — {address.Absolute(first.Url)}"
                        : $"• {first.Title} {strings.Plural("Digest.More", more)} — {address.Absolute(first.Url)}";
                }).ToList();
            outbox.Enqueue(templates.Compose(person.Email!, person.DisplayName, strings.Plural("Digest.Subject", items.Count),
                [strings["Digest.Lead"], .. lines],
                (strings["Digest.Action"], address.Absolute("/me/notifications")),
                strings["Digest.Footer"]));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A notice's address without its fragment (the post or answer it points at on the page).</summary>
    private static string PageOf(string url) => url.Split('#', 2)[0];
}
