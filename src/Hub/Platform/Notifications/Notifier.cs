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
    public Task NotifyAsync(Notice notice, CancellationToken cancellationToken) => NotifyManyAsync([notice], cancellationToken);

    /// <summary>Several notices at once (a crew, a congregation's hosts): everyone's choices are read in one query.</summary>
    public async Task NotifyManyAsync(IReadOnlyCollection<Notice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return;
        }
        var people = notices.Select(n => n.UserId).Distinct().ToList();
        var topics = notices.Select(n => NotificationTopics.TopicOf(n.Kind)).Append("").Distinct().ToList();
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => people.Contains(p.UserId) && topics.Contains(p.Topic))
            .Select(p => new { p.UserId, p.Topic, p.Mode }).ToListAsync(cancellationToken);
        foreach (var notice in notices)
        {
            var topic = NotificationTopics.TopicOf(notice.Kind);
            // The topic's own choice, else the person's choice for everything, else email at once.
            var mode = (choices.FirstOrDefault(c => c.UserId == notice.UserId && c.Topic == topic)
                ?? choices.FirstOrDefault(c => c.UserId == notice.UserId && c.Topic == ""))?.Mode ?? NotificationMode.EmailAtOnce;
            Add(notice, mode);
        }
    }

    private void Add(Notice notice, NotificationMode mode)
    {
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
            About = notice.About,
        });
        if (email == NotificationEmail.Emailed)
        {
            outbox.Enqueue(notice.Email);
        }
    }

    /// <summary>
    /// Marks done (and read) every open notice about <paramref name="about"/>, of one person or, for a
    /// request any host may answer, of everyone who got one. An answer that was waiting for the daily
    /// digest leaves it: the digest is for what still needs the person. Like <see cref="NotifyAsync"/> it
    /// works in the caller's unit of work: the caller's SaveChanges writes it with the answer.
    /// </summary>
    public async Task ResolveAsync(string about, string? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Notifications
            .Where(n => n.About == about && n.DoneAt == null && (userId == null || n.UserId == userId))
            .ToListAsync(cancellationToken);
        foreach (var notice in open)
        {
            notice.DoneAt = now;
            notice.ReadAt ??= now;
            if (notice.Email == NotificationEmail.AwaitingDigest)
            {
                notice.Email = NotificationEmail.NotEmailed;
            }
        }
    }

    /// <summary>Call after the caller's SaveChanges, to deliver without waiting for the next poll.</summary>
    public void Wake() => outbox.Wake();

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
