using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// The notices about a concern. They carry none of its details (not who raised it, whom it is about, nor a word of
/// it), only that there is something to look at and a link: email is often read on a shared screen. They go through
/// <see cref="Notifier"/> as kind <c>care.concern</c>, a topic of its own that follows each person's general choice.
/// </summary>
public sealed class ConcernNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings) : GroupNotices(db, notifier, templates, address)
{
    public const string Kind = "care.concern";

    /// <summary>The tenders' notices of a concern, marked done when it is acknowledged.</summary>
    public static string About(Guid concernId) => $"concern:{concernId}";

    public Task ToAcknowledgeAsync(Congregation c, Concern concern, IReadOnlyCollection<string> people, CancellationToken cancellationToken) =>
        TellAsync(people, () => new NoticeWords(strings["Email.Concern.ToAcknowledge.Subject", c.Name],
            [strings.Plural("Email.Concern.ToAcknowledge.Within", c.ConcernAcknowledgeDays, c.Name), strings["Email.Concern.NoDetails"]],
            strings["Email.Concern.Read"]), c.Slug, concern, About(concern.Id), cancellationToken);

    public Task ReminderAsync(Congregation c, Concern concern, IReadOnlyCollection<string> people, CancellationToken cancellationToken) =>
        TellAsync(people, () => new NoticeWords(strings["Email.Concern.Reminder.Subject", c.Name],
            [strings["Email.Concern.Reminder.Waiting", c.Name], strings["Email.Concern.Reminder.NoDetails"]],
            strings["Email.Concern.Read"]), c.Slug, concern, About(concern.Id), cancellationToken);

    public Task AcknowledgedAsync(Congregation c, Concern concern, CancellationToken cancellationToken) =>
        concern.RaisedByUserId is not { } raiser ? Task.CompletedTask : TellAsync([raiser], () => new NoticeWords(strings["Email.Concern.Acknowledged.Subject", c.Name],
            [strings["Email.Concern.Acknowledged.Read"]], strings["Email.Concern.Acknowledged.Action"]), c.Slug, concern, null, cancellationToken);

    public Task ClosedAsync(Congregation c, Concern concern, CancellationToken cancellationToken) =>
        concern.RaisedByUserId is not { } raiser ? Task.CompletedTask : TellAsync([raiser], () => new NoticeWords(strings["Email.Concern.Closed.Subject", c.Name],
            [strings["Email.Concern.Closed.Note"]], strings["Email.Concern.Closed.Action"]), c.Slug, concern, null, cancellationToken);

    public static string Days(int days) => days == 1 ? "one day" : $"{days} days";

    /// <param name="write">Called once per person inside their <see cref="RecipientLanguage"/> scope.</param>
    private Task TellAsync(IReadOnlyCollection<string> userIds, Func<NoticeWords> write, string slug, Concern concern, string? about,
        CancellationToken cancellationToken) =>
        SendAsync(userIds, Kind, ConcernRules.PathOf(slug, concern.Id), write, cancellationToken, about, () => strings["Email.Concern.Footer"]);
}
