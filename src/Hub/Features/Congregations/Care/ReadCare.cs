using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Congregations.Care;

/// <summary>The share of members in a crew at the end of a month (the current month: today).</summary>
public sealed record MonthShare(DateTime Month, int Members, int InACrew)
{
    public int? Percent => Members == 0 ? null : (int)Math.Round(100.0 * InACrew / Members);
}

/// <summary>A member as the care view lists them: a name, how long they have belonged, when a host last wrote.</summary>
public sealed record CarePerson(string UserId, string Name, DateTime JoinedAt, DateTime? NudgedAt, IReadOnlyList<bool> Signals);

/// <summary>A crew as the care view lists it: counts and dates only, never what the crew wrote.</summary>
public sealed record CareCrew(Guid Id, string Name, int Members, DateTime? LastMet, DateTime? TermEnds, bool AllNudged);

public sealed record CareView(
    int Members,
    int InACrew,
    IReadOnlyList<MonthShare> Trend,
    IReadOnlyList<CarePerson> WithoutCrew,
    IReadOnlyList<CarePerson> Newcomers,
    IReadOnlyList<CareCrew> TermEndingSoon,
    IReadOnlyList<CareCrew> Quiet,
    IReadOnlyList<CarePerson>? NotSeen,
    IReadOnlyList<string> SignalLabels)
{
    public int? Percent => Members == 0 ? null : (int)Math.Round(100.0 * InACrew / Members);
}

/// <summary>
/// What a congregation's hosts tend: who is in a crew and who is not, newcomers still looking, crews near the
/// end of a term or gone quiet, people not seen at a gathering this year. Counts, names and dates only: it
/// reads no retrospective answer, note, journal, availability or reason anyone gave for leaving a crew.
/// A fixed number of queries, whatever the congregation's size.
/// </summary>
public sealed class ReadCare(HubDbContext db, IEnumerable<IGatheringPresence> presence, IEnumerable<ICrewPathSignal> signals, TimeProvider time)
{
    /// <summary>A newcomer: joined within this many days. Flagged once they have been a member for <see cref="NewcomerGrace"/>.</summary>
    public static readonly TimeSpan NewcomerSpan = TimeSpan.FromDays(90);
    public static readonly TimeSpan NewcomerGrace = TimeSpan.FromDays(28);
    public static readonly TimeSpan TermEndsWithin = TimeSpan.FromDays(14);
    public static readonly TimeSpan QuietAfter = TimeSpan.FromDays(30);

    public async Task<CareView> RunAsync(Guid congregationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var members = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == congregationId)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.User.DisplayName)
            .Select(m => new { m.UserId, Name = m.User.DisplayName, m.JoinedAt })
            .ToListAsync(cancellationToken);

        // Every time a member joined a crew (any crew: one that stands on its own counts as much). Members who
        // stepped out at a retrospective carry the time they left; a crew that closed carries no such time, so its
        // members are counted in it until its last meeting.
        var stints = await db.CrewMembers.AsNoTracking()
            .Where(m => m.JoinedAt != null
                && (m.Status == CrewMemberStatus.Joined || m.Status == CrewMemberStatus.Left || m.Status == CrewMemberStatus.Paused)
                && db.Memberships.Any(x => x.CongregationId == congregationId && x.UserId == m.UserId))
            .Select(m => new
            {
                m.UserId,
                m.CrewId,
                JoinedAt = m.JoinedAt!.Value,
                m.LeftAt,
                m.Status,
                m.Crew.Stage,
                ClosedAt = m.Crew.Stage == CrewStage.Disbanded ? m.Crew.Meetings.Max(x => (DateTime?)x.StartsAt) ?? m.Crew.CreatedAt : (DateTime?)null,
            })
            .ToListAsync(cancellationToken);

        var crews = await db.Crews.AsNoTracking().Where(c => c.CongregationId == congregationId && c.Stage != CrewStage.Disbanded)
            .OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Stage,
                c.CreatedAt,
                c.JoinedCount,
                LastMet = c.Meetings.Where(m => m.StartsAt <= now).Max(m => (DateTime?)m.StartsAt),
                TermEnds = c.Meetings.Where(m => m.Term == c.Term).Max(m => (DateTime?)m.StartsAt),
            })
            .ToListAsync(cancellationToken);

        var about = SendNudge.About(congregationId);
        var since = now - SendNudge.OnePerPerson;
        var nudged = (await db.Notifications.AsNoTracking().Where(n => n.About == about && n.CreatedAt > since)
            .Select(n => new { n.UserId, n.CreatedAt }).ToListAsync(cancellationToken))
            .GroupBy(n => n.UserId).ToDictionary(g => g.Key, g => g.Max(n => n.CreatedAt));

        IReadOnlySet<string>? seen = null;
        var yearStart = new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var source in presence)
        {
            var some = await source.MembersSeenAsync(congregationId, yearStart, now, cancellationToken);
            seen = seen is null ? some : new HashSet<string>([.. seen, .. some]);
        }
        var labels = new List<string>();
        var given = new List<IReadOnlySet<string>>();
        foreach (var signal in signals)
        {
            labels.Add(signal.Label);
            given.Add(await signal.MembersAsync(congregationId, cancellationToken));
        }

        var inACrewNow = stints.Where(s => s.Status == CrewMemberStatus.Joined && s.Stage != CrewStage.Disbanded).Select(s => s.UserId).ToHashSet();
        var byPerson = stints.ToLookup(s => s.UserId);
        bool InACrewAt(string userId, DateTime t) => byPerson[userId].Any(s => s.JoinedAt <= t
            && (s.LeftAt is null || s.LeftAt > t) && (s.ClosedAt is null || s.ClosedAt > t));

        // The end of each of the last twelve months, the current one being today. Counted over today's members:
        // the hub keeps no record of when someone left a congregation, so past months leave out people who left since.
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var trend = new List<MonthShare>();
        for (var i = 11; i >= 0; i--)
        {
            var month = thisMonth.AddMonths(-i);
            if (i == 0)
            {
                trend.Add(new MonthShare(month, members.Count, members.Count(m => inACrewNow.Contains(m.UserId))));
                continue;
            }
            var end = month.AddMonths(1);
            var then = members.Where(m => m.JoinedAt < end).ToList();
            trend.Add(new MonthShare(month, then.Count, then.Count(m => InACrewAt(m.UserId, end))));
        }

        CarePerson Person(string userId, string name, DateTime joinedAt) =>
            new(userId, name, joinedAt, nudged.TryGetValue(userId, out var at) ? at : null, [.. given.Select(g => g.Contains(userId))]);

        var without = members.Where(m => !inACrewNow.Contains(m.UserId)).Select(m => Person(m.UserId, m.Name, m.JoinedAt)).ToList();
        var newcomers = without.Where(p => p.JoinedAt > now - NewcomerSpan && p.JoinedAt <= now - NewcomerGrace).OrderByDescending(p => p.JoinedAt).ToList();
        var notSeen = seen is null ? null : members.Where(m => !seen.Contains(m.UserId)).Select(m => Person(m.UserId, m.Name, m.JoinedAt)).ToList();

        var joinedBy = stints.Where(s => s.Status == CrewMemberStatus.Joined).ToLookup(s => s.CrewId, s => s.UserId);
        CareCrew Crew(Guid id, string name, int count, DateTime? lastMet, DateTime? termEnds) =>
            new(id, name, count, lastMet, termEnds, joinedBy[id].Any() && joinedBy[id].All(nudged.ContainsKey));
        var ending = crews.Where(c => c.Stage == CrewStage.Meeting && c.TermEnds is { } end && end >= now && end <= now + TermEndsWithin)
            .OrderBy(c => c.TermEnds).Select(c => Crew(c.Id, c.Name, c.JoinedCount, c.LastMet, c.TermEnds)).ToList();
        var quiet = crews.Where(c => c.CreatedAt <= now - QuietAfter && (c.LastMet is null || c.LastMet < now - QuietAfter))
            .OrderBy(c => c.LastMet ?? c.CreatedAt).Select(c => Crew(c.Id, c.Name, c.JoinedCount, c.LastMet, c.TermEnds)).ToList();

        return new CareView(members.Count, trend[^1].InACrew, trend, without, newcomers, ending, quiet, notSeen, labels);
    }
}
