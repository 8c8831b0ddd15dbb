using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// The notices about a concern. They carry none of its details (not who raised it, whom it is about, nor a word of
/// it), only that there is something to look at and a link: email is often read on a shared screen. They go through
/// <see cref="Notifier"/> as kind <c>care.concern</c>, a topic of its own that follows each person's general choice.
/// </summary>
public sealed class ConcernNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    public const string Kind = "care.concern";

    /// <summary>The tenders' notices of a concern, marked done when it is acknowledged.</summary>
    public static string About(Guid concernId) => $"concern:{concernId}";

    public Task ToAcknowledgeAsync(Congregation c, Concern concern, IReadOnlyCollection<string> people, CancellationToken cancellationToken) =>
        TellAsync(people, $"A concern to acknowledge in {c.Name}",
            [$"Someone raised a concern with the care contacts of {c.Name}. Please read and acknowledge it within {Days(c.ConcernAcknowledgeDays)}, so they know it reached you.",
             "This email holds no details on purpose. Open the hub, signed in, to read it."],
            c.Slug, concern, "Read the concern", About(concern.Id), cancellationToken);

    public Task ReminderAsync(Congregation c, Concern concern, IReadOnlyCollection<string> people, CancellationToken cancellationToken) =>
        TellAsync(people, $"A concern in {c.Name} is waiting to be acknowledged",
            [$"A concern raised with the care contacts of {c.Name} has not been acknowledged in the time the congregation set. The person who raised it is waiting to hear that it reached you.",
             "This email holds no details on purpose. Open the hub, signed in, to read and acknowledge it. This is the only reminder."],
            c.Slug, concern, "Read the concern", About(concern.Id), cancellationToken);

    public Task AcknowledgedAsync(Congregation c, Concern concern, CancellationToken cancellationToken) =>
        concern.RaisedByUserId is not { } raiser ? Task.CompletedTask : TellAsync([raiser], $"Your concern in {c.Name} was acknowledged",
            ["A care contact has read the concern you raised and acknowledged it. You will hear again when it is closed."],
            c.Slug, concern, "See your concern", null, cancellationToken);

    public Task ClosedAsync(Congregation c, Concern concern, CancellationToken cancellationToken) =>
        concern.RaisedByUserId is not { } raiser ? Task.CompletedTask : TellAsync([raiser], $"Your concern in {c.Name} was closed",
            ["The care contacts closed the concern you raised and left a note for you. You can read it on the hub, signed in."],
            c.Slug, concern, "Read their note", null, cancellationToken);

    public static string Days(int days) => days == 1 ? "one day" : $"{days} days";

    private async Task TellAsync(IReadOnlyCollection<string> userIds, string title, IReadOnlyList<string> paragraphs, string slug, Concern concern,
        string label, string? about, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var path = ConcernRules.PathOf(slug, concern.Id);
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        await notifier.NotifyManyAsync([.. people.Select(p => new Notice(p.Id, Kind, title, path,
            templates.Compose(p.Email!, p.DisplayName, title, paragraphs, (label, address.Absolute(path)),
                footer: "You receive this because of your place in the congregation's care. Its details stay on the hub.")) { About = about })], cancellationToken);
    }

    public void Wake() => notifier.Wake();
}
