using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Crews.Meetings;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Tells crew members about a meeting the day before, and that their retrospective is open when
/// the term's last meeting begins (or the caller opens it early). Each is claimed by a conditional
/// update in the same transaction as the notices, so a crash or a second node never sends one twice.
/// </summary>
public sealed class SendCrewReminders(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address, TimeProvider time, ReadPractices practices,
    IStringLocalizer<Strings> strings)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sent = 0;
        var soon = await db.CrewMeetings.AsNoTracking()
            .Where(m => m.ReminderSentAt == null && m.StartsAt > now && m.StartsAt <= now + Ahead)
            .Join(db.Crews.Where(c => c.Stage == CrewStage.Meeting), m => new { m.CrewId, m.Term }, c => new { CrewId = c.Id, c.Term }, (m, c) => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var meetingId in soon)
        {
            sent += await RemindAsync(meetingId, now, cancellationToken);
        }

        var due = await db.Crews.AsNoTracking()
            .Where(c => c.RetrospectiveNoticeTerm < c.Term && (c.Stage == CrewStage.Retrospective || (c.Stage == CrewStage.Meeting
                && db.CrewMeetings.Any(m => m.CrewId == c.Id && m.Term == c.Term && m.Number == c.MeetingsPerTerm && m.StartsAt <= now))))
            .Select(c => new { c.Id, c.Term }).ToListAsync(cancellationToken);
        foreach (var crew in due)
        {
            sent += await AnnounceRetrospectiveAsync(crew.Id, crew.Term, cancellationToken);
        }
        if (sent > 0)
        {
            notifier.Wake();
        }
        return sent;
    }

    private async Task<int> RemindAsync(Guid meetingId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.CrewMeetings.Where(m => m.Id == meetingId && m.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReminderSentAt, now), cancellationToken) == 0)
        {
            return 0; // another run has it
        }
        var meeting = await db.CrewMeetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
        var crew = await db.Crews.AsNoTracking().SingleAsync(c => c.Id == meeting.CrewId, cancellationToken);
        var members = await MembersAsync(crew.Id, cancellationToken);
        var host = members.FirstOrDefault(m => m.UserId == meeting.HostUserId)?.Name;
        var focus = members.FirstOrDefault(m => m.UserId == meeting.FocusUserId)?.Name;
        var url = $"/crews/{crew.Id}";
        // The reminder carries the meeting's plan (the host's own, else the crew's) and what to prepare.
        var ownPlan = await db.MeetingRooms.AsNoTracking().Where(r => r.MeetingId == meeting.Id).Select(r => r.Plan).FirstOrDefaultAsync(cancellationToken);
        var planned = MeetingPlan.Parse(ownPlan is { Length: > 0 } ? ownPlan
            : await db.CrewPlans.AsNoTracking().Where(p => p.CrewId == crew.Id).Select(p => p.Steps).FirstOrDefaultAsync(cancellationToken));
        var meetingUrl = address.Absolute($"/crews/{crew.Id}/meetings/{meeting.Number}");
        var libraries = new Dictionary<string, IReadOnlyList<Practice>>();
        foreach (var member in members)
        {
            // A job has no request: each member's own language, and the time in their own zone.
            using var language = RecipientLanguage.Of(member.Language);
            // The library answers in the language in force: read inside each member's, once per language, so the plan's practices are in theirs.
            var culture = CultureInfo.CurrentUICulture.Name;
            if (!libraries.TryGetValue(culture, out var library))
            {
                libraries[culture] = library = await practices.AllAsync(cancellationToken);
            }
            var plan = MeetingPlan.Describe(planned, library, strings);
            var prepare = member.UserId == meeting.FocusUserId
                ? strings["Crew.Reminder.PrepareCase", meetingUrl]
                : focus is null ? strings["Crew.Reminder.PrepareCommitments"] : strings["Crew.Reminder.PrepareOthersCase", focus, meetingUrl];
            var when = CrewSchedule.WhenInWords(strings, meeting.StartsAt, member.TimeZone, crew.TimeZone);
            var hosting = member.UserId == meeting.HostUserId ? strings["Crew.Reminder.YouHost"] : strings["Crew.Reminder.Hosts", host ?? strings["Crew.Reminder.AMember"]];
            var inFocus = focus is null ? "" : " " + (member.UserId == meeting.FocusUserId ? strings["Crew.Reminder.YourCase"] : strings["Crew.Reminder.OthersCase", focus]);
            await notifier.NotifyAsync(new Notice(member.UserId, "crew.meeting-reminder", strings["Crew.Reminder.Title", crew.Name, when], url,
                templates.Compose(member.Email, member.Name, strings["Crew.Reminder.Subject", crew.Name, meeting.Number],
                [strings["Crew.Reminder.When", when], hosting + inFocus, strings["Crew.Reminder.Plan", plan], prepare],
                (strings["Crew.Reminder.Action"], address.Absolute(url)),
                strings["Crew.Reminder.Footer"])), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return members.Count;
    }

    private async Task<int> AnnounceRetrospectiveAsync(Guid crewId, int term, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Crews.Where(c => c.Id == crewId && c.Term == term && c.RetrospectiveNoticeTerm < term)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RetrospectiveNoticeTerm, term), cancellationToken) == 0)
        {
            return 0;
        }
        var crew = await db.Crews.AsNoTracking().SingleAsync(c => c.Id == crewId, cancellationToken);
        var members = await MembersAsync(crewId, cancellationToken);
        var url = $"/crews/{crewId}";
        foreach (var member in members)
        {
            using var language = RecipientLanguage.Of(member.Language);
            await notifier.NotifyAsync(new Notice(member.UserId, "crew.retrospective-due", strings["Crew.Retro.Title", crew.Name], url,
                templates.Compose(member.Email, member.Name, strings["Crew.Retro.Subject", crew.Name],
                [strings["Crew.Retro.Ended", crew.Name], strings["Crew.Retro.Private"]],
                (strings["Crew.Retro.Action"], address.Absolute(url))))
            { About = AnswerRetrospective.About(crewId, term) }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return members.Count;
    }

    private sealed record Member(string UserId, string Name, string Email, string TimeZone, string? Language);

    private async Task<List<Member>> MembersAsync(Guid crewId, CancellationToken cancellationToken) =>
        await db.CrewMembers.AsNoTracking().Where(m => m.CrewId == crewId && m.Status == CrewMemberStatus.Joined)
            .Select(m => new Member(m.UserId, m.User.DisplayName, m.User.Email!,
                db.Profiles.Where(p => p.UserId == m.UserId).Select(p => p.TimeZone).FirstOrDefault() ?? "", m.User.Language))
            .ToListAsync(cancellationToken);
}
