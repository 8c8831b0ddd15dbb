using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>Tells several people the same thing about a date's crews, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class CrewDateNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    public async Task SendAsync(IReadOnlyCollection<string> userIds, string kind, string title, string path, IReadOnlyList<string> paragraphs,
        string actionLabel, CancellationToken cancellationToken, string? about = null)
    {
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        await notifier.NotifyManyAsync([.. people.Select(person => new Notice(person.Id, kind, title, path,
            templates.Compose(person.Email!, person.DisplayName, title, paragraphs, (actionLabel, address.Absolute(path))))
        { About = about })], cancellationToken);
    }

    public Task ResolveAsync(string about, string userId, CancellationToken cancellationToken) => notifier.ResolveAsync(about, userId, cancellationToken);

    /// <summary>"Go on as a crew?" waiting for the person's answer, done once they have answered.</summary>
    public static string ContinueAbout(Guid setId) => $"gathering-crews:{setId}";

    /// <summary>After the caller's SaveChanges: send without waiting for the outbox's next poll.</summary>
    public void Wake() => notifier.Wake();
}
