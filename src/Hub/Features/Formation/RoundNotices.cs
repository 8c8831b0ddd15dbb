using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Formation;

/// <summary>Tells several people the same thing about a round, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class RoundNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    public async Task SendAsync(IReadOnlyCollection<string> userIds, string kind, string title, string path, IReadOnlyList<string> paragraphs,
        string actionLabel, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        // One query for everyone's notification choices, however many take part in the round.
        await notifier.NotifyManyAsync([.. people.Select(person => new Notice(person.Id, kind, title, path,
            templates.Compose(person.Email!, person.DisplayName, title, paragraphs, (actionLabel, address.Absolute(path)))))], cancellationToken);
    }

    /// <summary>After the caller's SaveChanges: send without waiting for the outbox's next poll.</summary>
    public void Wake() => notifier.Wake();
}
