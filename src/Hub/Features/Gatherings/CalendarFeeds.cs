using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// iCalendar feeds: the hub's public events, a congregation's public events, and each member's
/// private calendar (their answers and their crews' meetings) behind a secret token in the URL,
/// because calendar programs cannot sign in. A calendar program asks without the person's cookies or browser
/// languages, so a member's own feed speaks the language saved on their account; the public feeds speak the request's.
/// </summary>
public sealed class CalendarFeeds(HubDbContext db, AccountLinks links, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private string Url(string path) => links.Absolute(path, new Dictionary<string, string?>());
    private string HostName => new Uri(Url("/")).Host;
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Events still coming, or over for less than 90 days (calendar programs keep what they saw).</summary>
    private IQueryable<GatheringEvent> Current(IQueryable<GatheringEvent> events)
    {
        var since = Now.AddDays(-90);
        return events.Where(e => e.CancelledAt == null && e.Approval == EventApproval.Approved && (e.Recurrence != "" || e.EndsAt > since));
    }

    public async Task<string> PublicAsync(Guid? congregationId, string name, CancellationToken cancellationToken)
    {
        var query = Current(db.GatheringEvents.AsNoTracking().Where(e => e.Visibility == EventVisibility.Public));
        if (congregationId is { } id)
        {
            query = query.Where(e => e.CongregationId == id && e.Scale == EventScale.Congregation);
        }
        var events = await query.OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);
        var writer = new CalendarWriter(HostName, Now, strings);
        await AddEventsAsync(writer, events, _ => false, cancellationToken);
        return writer.ToText(name);
    }

    public async Task<string?> PrivateAsync(string token, string hubName, CancellationToken cancellationToken)
    {
        var calendar = await db.MemberCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Token == token, cancellationToken);
        if (calendar is null)
        {
            return null;
        }
        var userId = calendar.UserId;
        var language = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).SingleOrDefaultAsync(cancellationToken);
        using var reader = RecipientLanguage.Of(language);
        var writer = new CalendarWriter(HostName, Now, strings);
        var answers = await db.Rsvps.AsNoTracking().Include(r => r.Occurrence)
            .Where(r => r.UserId == userId && (r.Status == RsvpStatus.Going || r.Status == RsvpStatus.Maybe || r.Status == RsvpStatus.Waitlisted || r.Status == RsvpStatus.AwaitingApproval))
            .ToListAsync(cancellationToken);
        // The regular times the person's working groups found together, every part of each series (a moved
        // slot splits it), whether or not they answered a date. A crew's time is its term's meetings, below.
        var groups = db.WorkingGroupMembers.Where(m => m.UserId == userId).Select(m => m.WorkingGroupId);
        var found = await db.FoundTimes.AsNoTracking()
            .Where(f => f.GroupKind == TimeFindingGroup.WorkingGroup && groups.Contains(f.GroupId))
            .Select(f => f.EventId).ToListAsync(cancellationToken);
        var foundSeries = new HashSet<Guid>(found);
        for (var frontier = found; frontier.Count > 0;)
        {
            var earlier = await db.GatheringEvents.AsNoTracking().Where(e => frontier.Contains(e.Id) && e.SplitFromId != null).Select(e => e.SplitFromId!.Value).ToListAsync(cancellationToken);
            frontier = [.. earlier.Where(foundSeries.Add)];
        }
        var eventIds = answers.Select(a => a.EventId).Concat(foundSeries).Distinct().ToList();
        var events = await Current(db.GatheringEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id))).ToListAsync(cancellationToken);
        // The whole series for answers to a series and for a group's found time; single dates otherwise.
        var seriesIds = answers.Where(a => a.OccurrenceId is null || !events.Any(e => e.Id == a.EventId && EventSchedule.IsRecurring(e))).Select(a => a.EventId)
            .Concat(foundSeries).ToHashSet();
        bool Going(Guid eventId) => answers.Any(a => a.EventId == eventId && a.Status == RsvpStatus.Going);
        await AddEventsAsync(writer, events.Where(e => seriesIds.Contains(e.Id)).ToList(), Going, cancellationToken);
        foreach (var answer in answers.Where(a => a.Occurrence is not null && !seriesIds.Contains(a.EventId)))
        {
            var e = events.FirstOrDefault(x => x.Id == answer.EventId);
            if (e is null)
            {
                continue;
            }
            var o = answer.Occurrence!;
            writer.AddOccurrence(e, new Occurrence(o.OriginalStart, o.StartsAt, o.EndsAt, o.IsCancelled, o), Url($"/gatherings/{e.Id}?date={EventTime.Key(o.OriginalStart)}"), answer.Status == RsvpStatus.Going);
        }
        // The meetings of the person's crews: the term's rows are the crew's one schedule (the crew page and
        // the reminders read the same rows), so the series ends with the term.
        var since = Now.AddDays(-90);
        var meetings = await db.CrewMeetings.AsNoTracking()
            .Join(db.Crews.AsNoTracking(), m => m.CrewId, c => c.Id, (m, c) => new { m, c })
            .Where(x => (x.m.StartsAt > since || x.c.Cadence == CrewCadence.Monthly) && x.c.Term == x.m.Term
                && db.CrewMembers.Any(cm => cm.CrewId == x.c.Id && cm.UserId == userId && cm.Status == CrewMemberStatus.Joined))
            .Select(x => new
            {
                x.m.Id,
                x.m.Number,
                x.m.StartsAt,
                x.m.Sequence,
                x.c.Name,
                x.c.TimeZone,
                x.c.SlotMinutes,
                x.c.Cadence,
                x.c.Term,
                CrewId = x.c.Id,
                Host = db.Users.Where(u => u.Id == x.m.HostUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Focus = db.Users.Where(u => u.Id == x.m.FocusUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // A monthly crew's term is one series with a monthly rule (a term of monthly meetings spans months, so all of it
        // is written); weekly and fortnightly meetings stay one event each.
        foreach (var series in meetings.Where(m => m.Cadence == CrewCadence.Monthly).GroupBy(m => (m.CrewId, m.Term)))
        {
            var first = series.First();
            writer.AddCrewSeries(first.CrewId, first.Term, first.Name, first.TimeZone,
                [.. series.Select(m => new CalendarWriter.SeriesMeeting(m.Number, m.StartsAt, m.StartsAt.AddMinutes(m.SlotMinutes), m.Sequence,
                    m.Host ?? strings["Gatherings.Calendar.SomeoneWhoLeft"], m.Focus ?? strings["Gatherings.Calendar.SomeoneWhoLeft"]))],
                Url($"/crews/{first.CrewId}"));
        }
        foreach (var m in meetings.Where(m => m.Cadence != CrewCadence.Monthly))
        {
            writer.AddCrewMeeting(m.Id, m.Name, m.Number, m.StartsAt, m.StartsAt.AddMinutes(m.SlotMinutes), m.TimeZone, m.Sequence,
                m.Host ?? strings["Gatherings.Calendar.SomeoneWhoLeft"], m.Focus ?? strings["Gatherings.Calendar.SomeoneWhoLeft"], Url($"/crews/{m.CrewId}"));
        }
        return writer.ToText(strings["Gatherings.Calendar.Mine", hubName]);
    }

    public async Task<string> OneEventAsync(GatheringEvent e, bool showCallLink, CancellationToken cancellationToken)
    {
        var writer = new CalendarWriter(HostName, Now, strings);
        await AddEventsAsync(writer, [e], _ => showCallLink, cancellationToken);
        return writer.ToText(e.Title);
    }

    private async Task AddEventsAsync(CalendarWriter writer, IReadOnlyList<GatheringEvent> events, Func<Guid, bool> showCallLink, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        var rows = (await db.EventOccurrences.AsNoTracking().Where(o => ids.Contains(o.EventId)).ToListAsync(cancellationToken)).ToLookup(o => o.EventId);
        foreach (var e in events)
        {
            writer.AddEvent(e, [.. rows[e.Id]], Url($"/gatherings/{e.Id}"), showCallLink(e.Id));
        }
    }

    /// <summary>A new secret for a private calendar's address: 192 random bits, safe in a URL.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
}
