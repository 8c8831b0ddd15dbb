using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Care;

/// <summary>
/// A host's kind note to a member, or to the members of a crew, from a row of the care view. It arrives as a
/// notice and (as each person chose) by email, in the host's words and name. Each person hears from the
/// congregation's hosts at most once a week: the notices themselves are the record, so nothing else is stored.
/// </summary>
public sealed class SendNudge(HubDbContext db, Notifier notifier, CongregationEmails emails, TimeProvider time,
    IStringLocalizer<Strings> strings)
{
    public static readonly TimeSpan OnePerPerson = TimeSpan.FromDays(7);
    public const int MaxLength = 2000;
    public const string Kind = "congregation.nudge";

    /// <summary>Every note of one congregation's hosts carries this, so the weekly limit is one indexed look-up.</summary>
    public static string About(Guid congregationId) => $"congregation-nudge:{congregationId}";

    public sealed record Sent(int People, int AlreadyHeard);

    public async Task<(Outcome Outcome, Sent? Sent)> RunAsync(CongregationView view, NudgeReason reason, string? personId, Guid? crewId, string? message,
        CancellationToken cancellationToken = default)
    {
        if (!view.IsHost || view.UserId is null)
        {
            return (Outcome.Refused(strings["Congregations.Refused.NudgeOnlyHosts"]), null);
        }
        var text = (message ?? "").Trim();
        if (text.Length == 0)
        {
            return (Outcome.Refused(strings["Congregations.Refused.NudgeWords"], "Message"), null);
        }
        if (text.Length > MaxLength)
        {
            return (Outcome.Refused($"A note is at most {MaxLength:N0} characters; this one has {text.Length:N0}.", "Message"), null);
        }
        var c = view.Congregation;
        var now = time.GetUtcNow().UtcDateTime;
        var about = About(c.Id);

        List<(string UserId, string Name, string Email, string? Language)> recipients;
        string url;
        if (NudgeWords.IsAboutACrew(reason))
        {
            var crew = await db.Crews.AsNoTracking().Where(x => x.Id == crewId && x.CongregationId == c.Id && x.Stage != CrewStage.Disbanded)
                .Select(x => new { x.Id, x.Name }).SingleOrDefaultAsync(cancellationToken);
            if (crew is null)
            {
                return (Outcome.Refused(strings["Congregations.Refused.NudgeCrew"]), null);
            }
            recipients = [.. (await db.CrewMembers.AsNoTracking()
                .Where(m => m.CrewId == crew.Id && m.Status == CrewMemberStatus.Joined && m.UserId != view.UserId
                    && db.Memberships.Any(x => x.CongregationId == c.Id && x.UserId == m.UserId))
                .Select(m => new { m.UserId, m.User.DisplayName, m.User.Email, m.User.Language }).ToListAsync(cancellationToken))
                .Select(m => (m.UserId, m.DisplayName, m.Email ?? "", m.Language))];
            url = $"/crews/{crew.Id}";
        }
        else
        {
            var person = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == c.Id && m.UserId == personId)
                .Select(m => new { m.UserId, m.User.DisplayName, m.User.Email, m.User.Language }).SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                return (Outcome.Refused(strings["Congregations.Refused.NudgePerson"]), null);
            }
            if (person.UserId == view.UserId)
            {
                return (Outcome.Refused(strings["Congregations.Refused.NudgeSelf"]), null);
            }
            recipients = [(person.UserId, person.DisplayName, person.Email ?? "", person.Language)];
            url = reason == NudgeReason.NotSeen ? $"/congregations/{c.Slug}" : "/me/pathway";
        }

        var ids = recipients.Select(r => r.UserId).ToList();
        var since = now - OnePerPerson;
        var heard = await db.Notifications.AsNoTracking().Where(n => n.About == about && n.CreatedAt > since && ids.Contains(n.UserId))
            .GroupBy(n => n.UserId).Select(g => new { UserId = g.Key, Last = g.Max(n => n.CreatedAt) }).ToListAsync(cancellationToken);
        var to = recipients.Where(r => !heard.Any(h => h.UserId == r.UserId)).ToList();
        if (to.Count == 0)
        {
            var again = heard.Count == 0 ? now : heard.Max(h => h.Last) + OnePerPerson;
            return (Outcome.Refused(recipients.Count == 0
                ? strings["Congregations.Refused.NudgeNobody"]
                : recipients.Count == 1 ? strings["Congregations.Nudge.PersonHeard", recipients[0].Name, c.Name, DateFormats.Format(again, "d MMMM")]
                : strings["Congregations.Nudge.CrewHeard", c.Name, DateFormats.Format(again, "d MMMM")]), null);
        }

        var host = await db.Users.AsNoTracking().Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var notices = new List<Notice>(to.Count);
        foreach (var r in to)
        {
            // The host's words as they wrote them; everything around them in the member's language.
            using var language = RecipientLanguage.Of(r.Language);
            notices.Add(new Notice(r.UserId, Kind, emails.NudgeTitle(c, host), url, emails.Nudge(c, r.Email, r.Name, host, text, url)) { About = about });
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return (Outcome.Done, new Sent(to.Count, recipients.Count - to.Count));
    }
}
