using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// What hosts did in a congregation (a level removed or moved, someone's hosting or network membership ended), kept so
/// the other hosts can see it on the hosts' page, and the notice that tells them. Operations record a line in their own
/// unit of work; the line is saved with the change. Nothing is saved here.
/// </summary>
public sealed class HostActions(HubDbContext database, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings) : GroupNotices(database, notifier, templates, address)
{
    public const int MaxReason = 2000;

    /// <summary>Where the hosts read the list.</summary>
    public static string PathOf(Congregation c) => $"/congregations/{c.Slug}/host#host-actions";

    /// <summary>An optional reason, trimmed; null when it is too long to keep.</summary>
    public static string? Tidy(string? reason) => (reason ?? "").Trim() is var words && words.Length <= MaxReason ? words : null;

    /// <summary>Where the name of the person it was done to goes in <see cref="CongregationHostAction.What"/>.</summary>
    public const string About = "{about}";


    public static void Record(HubDbContext db, Guid congregationId, string? byUserId, string what, string reason, DateTime at,
        string? aboutUserId = null) =>
        db.CongregationHostActions.Add(new CongregationHostAction
        {
            Id = Guid.NewGuid(),
            CongregationId = congregationId,
            ByUserId = byUserId ?? "",
            AboutUserId = aboutUserId ?? "",
            What = StoredWords.Fit(what, 300),
            Reason = reason,
            At = at,
        });

    /// <summary>
    /// The line in the reader's language (<see cref="StoredWords"/>; lines written before are English as written), with the
    /// person's name as it is now, or words for someone whose account is gone.
    /// </summary>
    public static string Words(IStringLocalizer strings, string what, string? aboutName) =>
        StoredWords.Say(strings, what).Replace(About, aboutName ?? strings["Log.Congregation.SomeoneWhoLeft"], StringComparison.Ordinal);

    /// <summary>Tells every host of the congregation but <paramref name="except"/> (the one who acted, the one it was about).</summary>
    /// <param name="write">The title and paragraphs, called inside each host's <see cref="RecipientLanguage"/> scope.</param>
    public async Task TellHostsAsync(Congregation c, IReadOnlyCollection<string> except, Func<(string Title, IReadOnlyList<string> Paragraphs)> write,
        CancellationToken cancellationToken)
    {
        var hosts = await Db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.IsHost && !except.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        await TellAsync(hosts, "congregation.host-action", PathOf(c), () =>
        {
            var (title, paragraphs) = write();
            return new NoticeWords(title, paragraphs, strings["Email.HostAction.Action"]);
        }, cancellationToken);
    }

    /// <summary>Tells each of these people the same thing: one query for them, one for their notification choices.</summary>
    public Task TellAsync(IReadOnlyCollection<string> userIds, string kind, string title, string path, IReadOnlyList<string> paragraphs,
        string actionLabel, CancellationToken cancellationToken) =>
        TellAsync(userIds, kind, path, () => new NoticeWords(title, paragraphs, actionLabel), cancellationToken);

    /// <summary>The same, each in their own language: <paramref name="write"/> is called inside each person's <see cref="RecipientLanguage"/> scope.</summary>
    public Task TellAsync(IReadOnlyCollection<string> userIds, string kind, string path, Func<NoticeWords> write, CancellationToken cancellationToken) =>
        SendAsync(userIds, kind, path, write, cancellationToken);
}
