using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>
/// A crew that runs on (meeting, or past its term's end, for three months and more) without anyone looking back in
/// that time (no retrospective answer, no shared reflection) hears a kind reminder to hold one: at most once every
/// three months, claimed by a conditional update of <see cref="Crew.LookBackReminderAt"/> in the same transaction as
/// the notices, so a second node or a second run never sends it twice.
/// </summary>
public sealed class SendLookBackReminders(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address, TimeProvider time,
    IStringLocalizer<Strings> strings)
{
    public const int Months = 3;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddMonths(-Months);
        var due = await db.Crews.AsNoTracking()
            .Where(c => (c.Stage == CrewStage.Meeting || c.Stage == CrewStage.Retrospective)
                && (c.LookBackReminderAt == null || c.LookBackReminderAt <= since)
                && db.CrewMeetings.Any(m => m.CrewId == c.Id && m.StartsAt <= since)
                && !db.RetrospectiveAnswers.Any(a => a.CrewId == c.Id && a.AnsweredAt > since)
                && !db.SharedReflections.Any(r => r.CrewId == c.Id && r.SharedAt > since))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var crewId in due)
        {
            sent += await RemindAsync(crewId, now, since, cancellationToken);
        }
        if (sent > 0)
        {
            notifier.Wake();
        }
        return sent;
    }

    private async Task<int> RemindAsync(Guid crewId, DateTime now, DateTime since, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Crews.Where(c => c.Id == crewId && (c.LookBackReminderAt == null || c.LookBackReminderAt <= since))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LookBackReminderAt, now), cancellationToken) == 0)
        {
            return 0; // another run has it
        }
        var crew = await db.Crews.AsNoTracking().SingleAsync(c => c.Id == crewId, cancellationToken);
        var members = await db.CrewMembers.AsNoTracking().Where(m => m.CrewId == crewId && m.Status == CrewMemberStatus.Joined)
            .Select(m => new { m.UserId, m.User.DisplayName, m.User.Email, m.User.Language }).ToListAsync(cancellationToken);
        var url = $"/crews/{crewId}";
        foreach (var member in members)
        {
            using var language = RecipientLanguage.Of(member.Language);
            await notifier.NotifyAsync(new Notice(member.UserId, "crew.look-back", strings["Email.LookBack.Notice", crew.Name], url,
                templates.Compose(member.Email!, member.DisplayName, strings["Email.LookBack.Subject", crew.Name],
                [
                    strings["Email.LookBack.RunsOn", crew.Name],
                    strings["Email.LookBack.NextMeeting"],
                    strings["Email.LookBack.Agreements"],
                ],
                (strings["Crew.Reminder.Action"], address.Absolute(url)),
                strings["Email.LookBack.Footer"])), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return members.Count;
    }
}
