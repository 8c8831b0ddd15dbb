using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>A person's pathway, built from real records: crews joined, meetings hosted, congregations.</summary>
[Authorize]
public sealed class PathwayModel(HubDbContext db, TimeProvider time) : HubPageModel
{
    public sealed record Entry(Guid Id, string Slug, string Name, string Note);

    public IReadOnlyList<Entry> Crews { get; private set; } = [];
    public IReadOnlyList<Entry> Congregations { get; private set; } = [];
    public int MeetingsHosted { get; private set; }
    public int Hosting { get; private set; }
    public DateTime? NetworkMemberSince { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = time.GetUtcNow().UtcDateTime;
        var crews = await db.CrewMembers.AsNoTracking()
            .Where(m => m.UserId == me && (m.Status == CrewMemberStatus.Joined || m.Status == CrewMemberStatus.Left || m.Status == CrewMemberStatus.Paused))
            .Select(m => new { m.Crew.Id, m.Crew.Name, m.Status, m.JoinedAt, m.Crew.Stage }).ToListAsync(cancellationToken);
        Crews = [.. crews.Select(c => new Entry(c.Id, "", c.Name,
            $"joined {c.JoinedAt:MMMM yyyy}{(c.Status == CrewMemberStatus.Left ? ", since left" : c.Status == CrewMemberStatus.Paused ? ", paused" : c.Stage == CrewStage.Disbanded ? ", closed" : "")}"))];
        MeetingsHosted = await db.CrewMeetings.CountAsync(m => m.HostUserId == me && m.StartsAt <= now, cancellationToken);
        var congregations = await db.Memberships.AsNoTracking().Where(m => m.UserId == me)
            .Select(m => new { m.Congregation.Id, m.Congregation.Slug, m.Congregation.Name, Level = m.Level.Name, m.IsHost, m.JoinedAt })
            .ToListAsync(cancellationToken);
        Congregations = [.. congregations.Select(c => new Entry(c.Id, c.Slug, c.Name, $"{c.Level}{(c.IsHost ? ", host" : "")} since {c.JoinedAt:MMMM yyyy}"))];
        Hosting = congregations.Count(c => c.IsHost);
        NetworkMemberSince = await db.Users.Where(u => u.Id == me).Select(u => u.NetworkMemberSince).SingleAsync(cancellationToken);
    }
}
