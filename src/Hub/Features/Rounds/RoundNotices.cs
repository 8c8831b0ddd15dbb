using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>Tells several people the same thing about a round, inside the caller's unit of work (nothing is saved here).</summary>
public sealed class RoundNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    /// <param name="about">For a notice that asks for an answer: what it is about (<see cref="Notice.About"/>).</param>
    public async Task SendAsync(IReadOnlyCollection<string> userIds, string kind, string title, string path, IReadOnlyList<string> paragraphs,
        string actionLabel, CancellationToken cancellationToken, string? about = null)
    {
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        // One query for everyone's notification choices, however many take part in the round.
        await notifier.NotifyManyAsync([.. people.Select(person => new Notice(person.Id, kind, title, path,
            templates.Compose(person.Email!, person.DisplayName, title, paragraphs, (actionLabel, address.Absolute(path))))
        { About = about })], cancellationToken);
    }

    /// <summary>Marks one person's notices about <paramref name="about"/> done, in the caller's unit of work.</summary>
    public Task ResolveAsync(string about, string userId, CancellationToken cancellationToken) => notifier.ResolveAsync(about, userId, cancellationToken);

    /// <summary>The round's invitation to give preferences, done once the person has given them.</summary>
    public static string RoundAbout(Guid roundId) => $"formation-round:{roundId}";

    /// <summary>A proposed crew waiting for the person's consent, done once they have answered.</summary>
    public static string ProposalAbout(Guid roundId) => $"formation-proposal:{roundId}";

    /// <summary>After the caller's SaveChanges: send without waiting for the outbox's next poll.</summary>
    public void Wake() => notifier.Wake();
}
