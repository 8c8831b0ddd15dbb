using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// The one way features tell a person something that is not about their account's security (those
/// emails go straight to <see cref="EmailOutbox"/>). Every notice lands in the person's in-hub list;
/// the email goes at once, waits for their daily digest, or stays home, as they chose for its topic.
/// Works in the caller's unit of work: nothing is saved here, so a notice exists exactly when the
/// change that caused it does.
/// </summary>
public sealed class Notifier(HubDbContext db, EmailOutbox outbox, TimeProvider time)
{
    public async Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        var mode = await ModeForAsync(notice.UserId, NotificationTopics.TopicOf(notice.Kind), cancellationToken);
        var email = mode switch
        {
            NotificationMode.EmailAtOnce => NotificationEmail.Emailed,
            NotificationMode.DailyDigest => NotificationEmail.AwaitingDigest,
            _ => NotificationEmail.NotEmailed,
        };
        db.Notifications.Add(new Notification
        {
            Id = Guid.NewGuid(),
            UserId = notice.UserId,
            Kind = notice.Kind,
            Title = Trim(notice.Title, 300),
            Url = Trim(notice.Url, 1000),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Email = email,
        });
        if (email == NotificationEmail.Emailed)
        {
            outbox.Enqueue(notice.Email);
        }
    }

    /// <summary>Call after the caller's SaveChanges, to deliver without waiting for the next poll.</summary>
    public void Wake() => outbox.Wake();

    private async Task<NotificationMode> ModeForAsync(string userId, string topic, CancellationToken cancellationToken)
    {
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && (p.Topic == topic || p.Topic == ""))
            .Select(p => new { p.Topic, p.Mode }).ToListAsync(cancellationToken);
        return (choices.FirstOrDefault(c => c.Topic == topic) ?? choices.FirstOrDefault())?.Mode ?? NotificationMode.EmailAtOnce;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
