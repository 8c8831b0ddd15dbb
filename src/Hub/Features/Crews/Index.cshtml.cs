using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>My crews and the invitations waiting for an answer; nothing about anyone else's crews.</summary>
public sealed class MyCrewsModel(HubDbContext db) : HubPageModel
{
    public sealed record Item(Guid Id, string Name, string Stage, int Members, string CallerName);

    public IReadOnlyList<Item> Crews { get; private set; } = [];
    public IReadOnlyList<Item> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        var rows = await db.CrewMembers.AsNoTracking().Where(m => m.UserId == userId && m.Status != CrewMemberStatus.Declined)
            .OrderByDescending(m => m.Crew.CreatedAt)
            .Select(m => new
            {
                m.Status,
                m.Crew.Id,
                m.Crew.Name,
                m.Crew.Stage,
                m.Crew.JoinedCount,
                Caller = db.Users.Where(u => u.Id == m.Crew.CallerUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Invitations = [.. rows.Where(r => r.Status == CrewMemberStatus.Invited).Select(r => new Item(r.Id, r.Name, "", r.JoinedCount, r.Caller ?? "Someone"))];
        Crews = [.. rows.Where(r => r.Status != CrewMemberStatus.Invited).Select(r => new Item(r.Id, r.Name,
            r.Status == CrewMemberStatus.Left ? "You left" : r.Status == CrewMemberStatus.Paused ? "You paused" : r.Stage switch
            {
                CrewStage.Forming => "Forming",
                CrewStage.Meeting => "Meeting",
                CrewStage.Retrospective => "Retrospective",
                _ => "Closed",
            }, r.JoinedCount, r.Caller ?? ""))];
    }
}
