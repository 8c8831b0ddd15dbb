using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>One person at a table as a page shows them: a photo only when their own choice lets this viewer see it.</summary>
public sealed record Seat(string UserId, string Name, string? Photo, ContinueAnswer Answer);

/// <summary>One temporary crew as a page shows it; <see cref="Marked"/> (hosts only) when it holds a "rather not" pair.</summary>
public sealed record Table(Guid Id, int Number, IReadOnlyList<Seat> People, bool Marked, Guid? CrewId);

/// <summary>Reads a date's tables with names and the photos the viewer may see, in three queries whatever the number of people.</summary>
public sealed class CrewTables(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<IReadOnlyList<Table>> LoadAsync(CrewDate view, bool withMarks, CancellationToken cancellationToken)
    {
        if (view.Set is not { } set)
        {
            return [];
        }
        var ids = set.Crews.SelectMany(c => c.Members).Select(m => m.UserId).ToList();
        var people = await PeopleAsync(view, ids, cancellationToken);
        var marked = withMarks
            ? (await DateRatherNots.LoadAsync(db, set.EventId, set.OccurrenceStart, cancellationToken)).Marked(set.Crews.SelectMany(c => c.Members.Select(m => (c.Id, m.UserId))))
            : new HashSet<Guid>();
        return [.. set.Crews.OrderBy(c => c.Number).Select(c => new Table(c.Id, c.Number,
            // Only the viewer's own answer is carried: nobody learns what anyone else said, hosts included.
            [.. c.Members.Select(m => (Seat: people.TryGetValue(m.UserId, out var p) ? p : new Seat(m.UserId, strings["Gatherings.Crews.Someone"], null, ContinueAnswer.Waiting),
                    Answer: m.UserId == view.Viewer.UserId ? m.Continue : ContinueAnswer.Waiting))
                .Select(x => x.Seat with { Answer = x.Answer })
                .OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            marked.Contains(c.Id), c.CrewId))];
    }

    /// <summary>Names and photos of some people; photos shown to everyone, or to people who share a congregation with them.</summary>
    public async Task<Dictionary<string, Seat>> PeopleAsync(CrewDate view, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var viewer = view.Viewer.UserId;
        var mine = view.Viewer.Congregations.ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Photo = db.Profiles.Where(p => p.UserId == u.Id && p.PhotoFile != ""
                        && (p.PhotoVisibility == Visibility.Everyone || p.UserId == viewer
                            || (p.PhotoVisibility == Visibility.MyGroups && db.Memberships.Any(m => m.UserId == u.Id && mine.Contains(m.CongregationId)))))
                    .Select(p => p.PhotoFile).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new Seat(r.Id, r.DisplayName, r.Photo, ContinueAnswer.Waiting));
    }

    /// <summary>For the event's page: the viewer's own table on a date, once published; null otherwise.</summary>
    public async Task<Table?> MineAsync(Guid eventId, DateTime occurrenceStart, Viewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.UserId is not { } me)
        {
            return null;
        }
        var crewId = await db.TemporaryCrewMembers.AsNoTracking()
            .Where(m => m.UserId == me && db.GatheringCrewSets.Any(s => s.Id == m.SetId && s.EventId == eventId && s.OccurrenceStart == occurrenceStart && s.Stage == GatheringCrewStage.Published))
            .Select(m => (Guid?)m.TemporaryCrewId).FirstOrDefaultAsync(cancellationToken);
        if (crewId is null)
        {
            return null;
        }
        var crew = await db.TemporaryCrews.AsNoTracking().Where(c => c.Id == crewId)
            .Select(c => new { c.Id, c.Number, c.CrewId, People = c.Members.OrderBy(m => m.User.DisplayName).Select(m => new { m.UserId, m.User.DisplayName }).ToList() })
            .SingleAsync(cancellationToken);
        return new Table(crew.Id, crew.Number, [.. crew.People.Select(p => new Seat(p.UserId, p.DisplayName, null, ContinueAnswer.Waiting))], false, crew.CrewId);
    }
}
