using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>Tells people about a call, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class CallNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    /// <summary>The announcement to a congregation's members, done for a member once they ask or the call closes.</summary>
    public static string CallAbout(Guid callId) => $"crew-call:{callId}";

    /// <summary>A request waiting for the caller's answer, done once they answer or the call closes.</summary>
    public static string RequestAbout(Guid requestId) => $"crew-call-request:{requestId}";

    public static string PathOf(string slug, Guid callId) => $"/congregations/{slug}/calls/{callId}";

    public async Task SendAsync(IReadOnlyCollection<string> userIds, string kind, string title, string path, IReadOnlyList<string> paragraphs,
        string actionLabel, CancellationToken cancellationToken, string? about = null)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        // One query for everyone's choices, however many members a congregation has.
        await notifier.NotifyManyAsync([.. people.Select(person => new Notice(person.Id, kind, title, path,
            templates.Compose(person.Email!, person.DisplayName, title, paragraphs, (actionLabel, address.Absolute(path))))
        { About = about })], cancellationToken);
    }

    /// <summary>Marks open notices about <paramref name="about"/> done: one person's, or everyone's when null.</summary>
    public Task ResolveAsync(string about, string? userId, CancellationToken cancellationToken) => notifier.ResolveAsync(about, userId, cancellationToken);

    /// <summary>After the caller's SaveChanges: send without waiting for the outbox's next poll.</summary>
    public void Wake() => notifier.Wake();
}
