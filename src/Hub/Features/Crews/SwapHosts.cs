using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Two members trade hosting: the hosts of two meetings swap.</summary>
public sealed class SwapHosts(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid first, Guid second, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.SwapMembersOnly"]);
        }
        if (first == second)
        {
            return Outcome.Refused(strings["Crews.Ops.SwapTwo"]);
        }
        var meetings = await db.CrewMeetings.Where(m => m.CrewId == view.Crew.Id && m.Term == view.Crew.Term && (m.Id == first || m.Id == second))
            .ToListAsync(cancellationToken);
        if (meetings.Count != 2)
        {
            return Outcome.Refused(strings["Crews.Ops.SwapNotThisTerm"]);
        }
        (meetings[0].HostUserId, meetings[1].HostUserId) = (meetings[1].HostUserId, meetings[0].HostUserId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
