using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Grouping;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// A host forms the temporary crews of one date from the people going to it: the search mixes people who have not
/// met (in a crew, a dyad or an earlier temporary crew), people of different congregations, and newcomers (their
/// first gathering) with members, and keeps every "rather not" apart. Forming again replaces the crews and the
/// host's moves, until they are published. About a second of search, on this POST only.
/// </summary>
public sealed class FormTemporaryCrews(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const int SmallestSize = 3;
    public const int LargestSize = 6;

    /// <summary>Five: most often a practitioner meets with three or four others, and five fit around a table.</summary>
    public const int DefaultSize = 5;

    public static readonly TimeSpan SearchTime = TimeSpan.FromSeconds(1);

    public async Task<Outcome> RunAsync(CrewDate view, int size, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsForm"]);
        }
        if (size is < SmallestSize or > LargestSize)
        {
            return Outcome.Refused(strings["Gatherings.Refused.CrewSize", SmallestSize, LargestSize], "Size");
        }
        if (view.Date.IsCancelled)
        {
            return Outcome.Refused(strings["Gatherings.Refused.DateCancelledNoCrews"]);
        }
        if (view.Going.Count < SmallestSize)
        {
            return Outcome.Refused(strings["Gatherings.Refused.TooFewGoing", SmallestSize]);
        }
        var e = view.Event;
        var start = view.Date.OriginalStart;
        var now = time.GetUtcNow().UtcDateTime;
        var seed = Random.Shared.Next(1, int.MaxValue);
        var request = await RequestAsync(view, size, cancellationToken);
        // The search runs before the transaction: a second of CPU holds no lock.
        var result = FormGatheringCrews.Run(request, new SearchOptions { Seed = seed, TimeLimit = SearchTime }, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var set = await db.GatheringCrewSets.SingleOrDefaultAsync(s => s.EventId == e.Id && s.OccurrenceStart == start, cancellationToken);
        if (set is { Stage: GatheringCrewStage.Published })
        {
            return Outcome.Refused(strings["Gatherings.Refused.DatePublishedStay"]);
        }
        if (set is null)
        {
            set = new GatheringCrewSet { Id = Guid.NewGuid(), EventId = e.Id, OccurrenceStart = start, MovesSince = now };
            db.GatheringCrewSets.Add(set);
        }
        else
        {
            await db.TemporaryCrews.Where(c => c.SetId == set.Id).ExecuteDeleteAsync(cancellationToken);
        }
        (set.Size, set.Seed, set.FormedAt, set.Stage) = (size, seed, now, GatheringCrewStage.Proposed);
        var number = 0;
        foreach (var members in result.Crews)
        {
            var crew = new TemporaryCrew { Id = Guid.NewGuid(), SetId = set.Id, Number = ++number };
            crew.Members.AddRange(members.Select(userId => new TemporaryCrewMember { Id = Guid.NewGuid(), SetId = set.Id, TemporaryCrewId = crew.Id, UserId = userId }));
            db.TemporaryCrews.Add(crew);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused(strings["Gatherings.Refused.FormedMeanwhile"]);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Who is going, whom each has met, who is new, where each belongs, and the date's "rather not"s.</summary>
    private async Task<GatheringCrewsRequest> RequestAsync(CrewDate view, int size, CancellationToken cancellationToken)
    {
        var ids = view.Going.Order(StringComparer.Ordinal).ToList();
        var start = view.Date.OriginalStart;
        var congregations = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.UserId)).OrderBy(m => m.JoinedAt)
            .Select(m => new { m.UserId, m.CongregationId }).ToListAsync(cancellationToken);
        var homeOf = congregations.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().CongregationId.ToString());
        // A newcomer: no "going" to an earlier date of any gathering, and never at a table before.
        var been = await db.Rsvps.AsNoTracking()
            .Where(r => ids.Contains(r.UserId) && r.Status == RsvpStatus.Going && r.Occurrence != null && r.Occurrence.StartsAt < view.Date.StartsAt)
            .Join(db.GatheringEvents.Where(x => x.Kind == EventKind.Gathering), r => r.EventId, x => x.Id, (r, x) => r.UserId)
            .Distinct().ToListAsync(cancellationToken);
        var seated = await db.TemporaryCrewMembers.AsNoTracking()
            .Where(m => ids.Contains(m.UserId) && db.GatheringCrewSets.Any(s => s.Id == m.SetId && s.Stage == GatheringCrewStage.Published && s.OccurrenceStart < start))
            .Select(m => new { m.UserId, m.TemporaryCrewId }).ToListAsync(cancellationToken);
        var returning = been.Concat(seated.Select(s => s.UserId)).ToHashSet();

        var crews = await db.CrewMembers.AsNoTracking()
            .Where(m => ids.Contains(m.UserId) && m.Status != CrewMemberStatus.Invited && m.Status != CrewMemberStatus.Declined)
            .Select(m => new { m.UserId, Group = m.CrewId }).ToListAsync(cancellationToken);
        var dyads = await db.Dyads.AsNoTracking()
            .Where(d => (d.Status == DyadStatus.Active || d.Status == DyadStatus.Ended) && ids.Contains(d.ProposerUserId) && ids.Contains(d.PartnerUserId))
            .Select(d => new { d.ProposerUserId, d.PartnerUserId }).ToListAsync(cancellationToken);
        var met = new List<(string A, string B)>();
        foreach (var group in crews.Select(c => (c.UserId, c.Group)).Concat(seated.Select(s => (s.UserId, Group: s.TemporaryCrewId))).GroupBy(x => x.Group))
        {
            var people = group.Select(x => x.UserId).Distinct(StringComparer.Ordinal).ToList();
            for (var a = 0; a < people.Count; a++)
            {
                met.AddRange(people.Skip(a + 1).Select(b => (people[a], b)));
            }
        }
        met.AddRange(dyads.Select(d => (d.ProposerUserId, d.PartnerUserId)));
        var ratherNots = await DateRatherNots.LoadAsync(db, view.Event.Id, start, cancellationToken);
        return new GatheringCrewsRequest([.. ids.Select(id => new Attendee(id, homeOf.GetValueOrDefault(id, ""), !returning.Contains(id)))])
        {
            Size = size,
            Met = met,
            RatherNot = ratherNots.Pairs,
        };
    }
}
