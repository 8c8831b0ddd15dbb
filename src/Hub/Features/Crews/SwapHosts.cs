using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Two members trade hosting: the hosts of two meetings swap.</summary>
public sealed class SwapHosts(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid first, Guid second, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew can change who hosts.");
        }
        if (first == second)
        {
            return Outcome.Refused("Choose two different meetings.");
        }
        var meetings = await db.CrewMeetings.Where(m => m.CrewId == view.Crew.Id && m.Term == view.Crew.Term && (m.Id == first || m.Id == second))
            .ToListAsync(cancellationToken);
        if (meetings.Count != 2)
        {
            return Outcome.Refused("Those meetings are not in this term.");
        }
        (meetings[0].HostUserId, meetings[1].HostUserId) = (meetings[1].HostUserId, meetings[0].HostUserId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
