using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>
/// Tells several people the same thing (a round's participants, a call's members, a gathering's crews), inside
/// the caller's unit of work: nothing is saved here. Each feature derives one and keeps its own
/// <see cref="Notice.About"/> keys beside it.
/// </summary>
public abstract class GroupNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    /// <summary>The caller's unit of work, for a derived class that also records something in it.</summary>
    protected HubDbContext Db { get; } = db;

    /// <param name="about">For a notice that asks for an answer: what it is about (<see cref="Notice.About"/>).</param>
    public Task SendAsync(IReadOnlyCollection<string> userIds, string kind, string title, string path, IReadOnlyList<string> paragraphs,
        string actionLabel, CancellationToken cancellationToken, string? about = null) =>
        SendAsync(userIds, kind, path, () => new NoticeWords(title, paragraphs, actionLabel), cancellationToken, about);

    /// <summary>
    /// The same notice in each person's own language: <paramref name="write"/> is called once per person inside their
    /// <see cref="RecipientLanguage"/> scope, so the words it asks the localizer for (and the dates it formats) are theirs.
    /// </summary>
    /// <param name="footer">The email's closing line in place of the usual one, written in the same scope (for example why a care notice says so little).</param>
    public async Task SendAsync(IReadOnlyCollection<string> userIds, string kind, string path, Func<NoticeWords> write,
        CancellationToken cancellationToken, string? about = null, Func<string>? footer = null)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var people = await Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(cancellationToken);
        var notices = new List<Notice>(people.Count);
        foreach (var person in people)
        {
            using var language = RecipientLanguage.Of(person.Language);
            var words = write();
            notices.Add(new Notice(person.Id, kind, words.Title, path,
                templates.Compose(person.Email!, person.DisplayName, words.Title, words.Paragraphs, (words.ActionLabel, address.Absolute(path)), footer?.Invoke()))
            { About = about });
        }
        // One query for everyone's notification choices, however many people are told.
        await notifier.NotifyManyAsync(notices, cancellationToken);
    }

    /// <summary>Marks open notices about <paramref name="about"/> done: one person's, or everyone's when null.</summary>
    public Task ResolveAsync(string about, string? userId, CancellationToken cancellationToken) => notifier.ResolveAsync(about, userId, cancellationToken);

    /// <summary>After the caller's SaveChanges: send without waiting for the outbox's next poll.</summary>
    public void Wake() => notifier.Wake();
}

/// <summary>What a group notice says to one person: its title (also the email's subject), paragraphs and the button's label.</summary>
public sealed record NoticeWords(string Title, IReadOnlyList<string> Paragraphs, string ActionLabel);
