using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// What is happening in a congregation, for the top of its page: what is coming, what one can join
/// now, who is here. There are two versions, one for members and one for everyone else (visitors and
/// people of other congregations), and each is kept for a few seconds in the shared read cache, so a
/// busy congregation's page costs the same few queries whoever looks. Members see crews' and working
/// groups' names and the faces of members who show their photo to their groups; everyone else sees
/// counts.
/// </summary>
public sealed class CongregationLife(HubDbContext db, SharedReadCache reads, IEnumerable<IUpcomingEvents> calendars, TimeProvider time)
{
    public const int MaxFaces = 24;

    public sealed record OpenRound(Guid Id, string Title, DateTime DueAt, int Participants);

    public sealed record CrewCall(Guid Id, string Name, int Joined, string CallerId, string CallerName);

    public sealed record Face(string UserId, string Name, string PhotoFile);

    public sealed record Group(string Name, string Purpose, DateOnly EndsOn, int Members);

    /// <summary>
    /// One line of news, as a key of the hub's strings (the life is cached for every reader, whatever their language):
    /// <paramref name="Count"/> above zero picks the counted form; <paramref name="Words"/> are people's own (a subject, a name).
    /// </summary>
    public sealed record News(DateTime At, string Key, string? Url, int Count = 0, string Words = "");

    public sealed record Life(
        IReadOnlyList<UpcomingEvent> Coming,
        IReadOnlyList<OpenRound> Rounds,
        IReadOnlyList<CrewCall> Calls,
        IReadOnlyList<string> Crews,
        int CrewCount,
        IReadOnlyList<Face> Faces,
        IReadOnlyList<Group> Groups,
        int GroupCount,
        IReadOnlyList<News> Recent);

    public Task<Life> LoadAsync(Guid congregationId, bool asMember, CancellationToken cancellationToken = default) =>
        reads.GetOrLoadAsync(SharedReadCache.Congregations, $"life:{congregationId}:{(asMember ? "member" : "other")}",
            () => ReadAsync(congregationId, asMember, cancellationToken));

    private async Task<Life> ReadAsync(Guid id, bool asMember, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var since = now.AddDays(-60);

        var coming = new List<UpcomingEvent>();
        foreach (var calendar in calendars)
        {
            coming.AddRange(await calendar.ForCongregationAsync(id, asMember, 3, cancellationToken));
        }

        var rounds = await db.FormationRounds.AsNoTracking()
            .Where(r => r.CongregationId == id && r.Stage == FormationStage.Open && r.PreferencesDueAt > now)
            .OrderBy(r => r.PreferencesDueAt)
            .Select(r => new OpenRound(r.Id, r.Title, r.PreferencesDueAt, r.Participants.Count)).ToListAsync(cancellationToken);

        var crews = await db.Crews.AsNoTracking()
            .Where(c => c.CongregationId == id && c.Stage != CrewStage.Disbanded)
            .Select(c => new { c.Id, c.Name, c.Stage, c.JoinedCount, c.CallerUserId, c.CreatedAt }).ToListAsync(cancellationToken);
        var callerIds = crews.Where(c => c.Stage == CrewStage.Forming).Select(c => c.CallerUserId).Distinct().ToList();
        var callers = asMember && callerIds.Count > 0
            ? await db.Users.AsNoTracking().Where(u => callerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken)
            : new Dictionary<string, string>();
        var calls = asMember
            ? crews.Where(c => c.Stage == CrewStage.Forming && c.JoinedCount < 6).OrderByDescending(c => c.CreatedAt)
                .Select(c => new CrewCall(c.Id, c.Name, c.JoinedCount, c.CallerUserId, callers.GetValueOrDefault(c.CallerUserId, ""))).ToList()
            : [];
        var meeting = crews.Where(c => c.Stage != CrewStage.Forming).ToList();

        // Faces, for members only: who belongs here is as private as the member list (a face shown to
        // everyone on a profile still does not tell the world which congregation that person is in).
        // The photo page checks the same visibility on every request.
        List<Face> faces = !asMember ? [] : await db.Memberships.AsNoTracking().Where(m => m.CongregationId == id)
            .Join(db.Profiles.Where(p => p.PhotoFile != "" && p.PhotoVisibility != Visibility.OnlyMe),
                m => m.UserId, p => p.UserId, (m, p) => new { m.UserId, m.User.DisplayName, p.PhotoFile, m.JoinedAt })
            .OrderByDescending(x => x.JoinedAt).Take(MaxFaces)
            .Select(x => new Face(x.UserId, x.DisplayName, x.PhotoFile)).ToListAsync(cancellationToken);

        var groups = await db.WorkingGroups.AsNoTracking().Where(g => g.CongregationId == id && g.EndsOn >= today)
            .OrderBy(g => g.EndsOn).Select(g => new Group(g.Name, g.Purpose, g.EndsOn, g.Members.Count)).ToListAsync(cancellationToken);

        var recent = new List<News>();
        var issues = await db.NewsletterIssues.AsNoTracking()
            .Where(i => i.CongregationId == id && i.Segment == NewsletterSegment.Congregation && i.SentAt > since)
            .OrderByDescending(i => i.SentAt).Take(3).Select(i => new { i.Id, i.Subject, i.SentAt }).ToListAsync(cancellationToken);
        recent.AddRange(issues.Select(i => new News(i.SentAt, "Congregations.News.Newsletter", $"/newsletter/{i.Id}", Words: i.Subject)));
        var joined = await db.Memberships.AsNoTracking().Where(m => m.CongregationId == id && m.JoinedAt > since)
            .Select(m => m.JoinedAt).ToListAsync(cancellationToken);
        if (joined.Count > 0)
        {
            recent.Add(new News(joined.Max(), "Congregations.News.Joined", null, joined.Count));
        }
        if (asMember)
        {
            recent.AddRange(meeting.Where(c => c.CreatedAt > since).Select(c => new News(c.CreatedAt, "Congregations.News.CrewBegan", null, Words: c.Name)));
            recent.AddRange(await db.WorkingGroups.AsNoTracking().Where(g => g.CongregationId == id && g.CreatedAt > since)
                .Select(g => new News(g.CreatedAt, "Congregations.News.GroupStarted", null, 0, g.Name)).ToListAsync(cancellationToken));
        }
        else
        {
            var began = meeting.Count(c => c.CreatedAt > since);
            if (began > 0)
            {
                recent.Add(new News(meeting.Max(c => c.CreatedAt), "Congregations.News.CrewsBegan", null, began));
            }
        }

        return new Life(coming.OrderBy(e => e.StartsAtUtc).Take(3).ToList(), rounds, calls,
            asMember ? [.. meeting.Select(c => c.Name).Order(StringComparer.CurrentCulture)] : [], meeting.Count,
            faces, asMember ? groups : [], groups.Count,
            [.. recent.OrderByDescending(n => n.At).Take(6)]);
    }
}
