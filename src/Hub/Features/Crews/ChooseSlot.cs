using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// A member confirms the crew's time, from the crew page's shared hours or from finding a time: the
/// crew's slot changes, and in a running term the meetings not yet held move to it (each keeping its
/// host and focus person). Every member hears of it, by notice and email, with the moved meetings as an
/// .ics file whose events replace the old ones in their calendar. There is no other record of a crew's
/// time: the crew page, the calendar feeds and the reminders all read the slot and the meetings.
/// </summary>
public sealed class ChooseSlot(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address, TimeProvider time,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, DayOfWeek day, TimeOnly at, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.SlotMembersOnly"]);
        }
        if (view.Crew.Stage == CrewStage.Disbanded)
        {
            return Outcome.Refused(strings["Crews.Ops.SlotClosed"]);
        }
        if (CrewSchedule.FindZone(view.Crew.TimeZone) is not { } zone)
        {
            return Outcome.Refused(strings["Crews.Ops.UnknownZone", view.Crew.TimeZone]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first statement holds the crew's row (PostgreSQL) or the database (SQLite) until the commit,
        // so two members confirming at once are taken one after the other, each moving the meetings from
        // the slot the other left.
        var changed = await db.Crews.Where(c => c.Id == view.Crew.Id && c.Stage != CrewStage.Disbanded && (c.SlotDay != day || c.SlotTime != at))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SlotDay, day).SetProperty(c => c.SlotTime, at), cancellationToken);
        if (changed == 0)
        {
            return Outcome.Done; // the crew meets then already: nothing moves, nobody needs telling
        }
        var crew = await db.Crews.AsNoTracking().SingleAsync(c => c.Id == view.Crew.Id, cancellationToken);
        var term = await db.CrewMeetings.Where(m => m.CrewId == crew.Id && m.Term == crew.Term).ToListAsync(cancellationToken);
        if (crew.Stage == CrewStage.Meeting)
        {
            CrewSchedule.MoveRemaining(crew, term, zone, now);
        }
        await db.SaveChangesAsync(cancellationToken);

        var coming = crew.Stage == CrewStage.Meeting ? term.Where(m => m.StartsAt > now).OrderBy(m => m.Number).ToList() : [];
        var url = $"/crews/{crew.Id}";
        var members = await db.CrewMembers.AsNoTracking().Where(m => m.CrewId == crew.Id && m.Status == CrewMemberStatus.Joined)
            .Select(m => new
            {
                m.UserId,
                m.User.DisplayName,
                m.User.Email,
                m.User.Language,
                Zone = db.Profiles.Where(p => p.UserId == m.UserId).Select(p => p.TimeZone).FirstOrDefault() ?? "",
            })
            .ToListAsync(cancellationToken);
        var who = view.Me.User?.DisplayName is { Length: > 0 } name ? name : null;
        var notices = new List<Notice>();
        foreach (var member in members)
        {
            // Each member reads the change in their own language (and their own zone), whoever made it.
            using var language = RecipientLanguage.Of(member.Language);
            var slot = CrewSchedule.SlotInWords(strings, crew);
            var ics = coming.Count == 0 ? null : Calendar(crew, term, coming, view, url, now);
            string[] paragraphs =
            [
                member.UserId == view.Me.UserId ? strings["Email.Crew.NewTime.ByYou", crew.Name, slot]
                    : strings["Email.Crew.NewTime.By", who ?? strings["Email.Crew.AMember"], crew.Name, slot],
                coming.Count > 0
                    ? strings.Plural("Email.Crew.NewTime.Coming", coming.Count, CrewSchedule.WhenInWords(strings, coming[0].StartsAt, member.Zone, crew.TimeZone))
                    : crew.Stage == CrewStage.Forming
                        ? strings[crew.Term == 1 ? "Email.Crew.NewTime.Experiment" : "Email.Crew.NewTime.NextTerm"]
                        : strings["Email.Crew.NewTime.NoneToCome"],
            ];
            string subject = strings["Email.Crew.NewTime.Subject", crew.Name, slot];
            var email = templates.Compose(member.Email!, member.DisplayName, subject, paragraphs,
                (strings["Crew.Reminder.Action"], address.Absolute(url)), strings["Email.Crew.NewsFooter"]);
            notices.Add(new Notice(member.UserId, "crew.time-changed", subject, url,
                ics is null ? email : email with { Attachment = ics }));
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }

    /// <summary>
    /// The meetings still to come, as each member's calendar feed writes them (same UIDs, the new SEQUENCE): a weekly or
    /// fortnightly crew's as one event each; a monthly crew's term as the feed's one series (its whole term, since the
    /// series starts at the term's first meeting), so the file replaces the series rather than adding loose dates beside it.
    /// </summary>
    private EmailAttachment Calendar(Crew crew, IReadOnlyList<CrewMeeting> term, IReadOnlyList<CrewMeeting> coming, CrewView view, string url, DateTime now)
    {
        var writer = new CalendarWriter(new Uri(address.Base).Host, now, strings);
        if (crew.Cadence == CrewCadence.Monthly)
        {
            writer.AddCrewSeries(crew.Id, crew.Term, crew.Name, crew.TimeZone,
                [.. term.Select(m => new CalendarWriter.SeriesMeeting(m.Number, m.StartsAt, m.StartsAt.AddMinutes(crew.SlotMinutes), m.Sequence,
                    view.NameOf(m.HostUserId), view.NameOf(m.FocusUserId)))],
                address.Absolute(url));
        }
        else
        {
            foreach (var m in coming)
            {
                writer.AddCrewMeeting(m.Id, crew.Name, m.Number, m.StartsAt, m.StartsAt.AddMinutes(crew.SlotMinutes), crew.TimeZone, m.Sequence,
                    view.NameOf(m.HostUserId), view.NameOf(m.FocusUserId), address.Absolute(url));
            }
        }
        return new EmailAttachment("crew-meetings.ics", "text/calendar; charset=utf-8; method=PUBLISH", writer.ToText(crew.Name));
    }
}
