using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>A member takes back what they shared at the look back open now: it was theirs to give, and is theirs to take back.</summary>
public sealed class UnshareReflection(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CrewView view, CancellationToken cancellationToken = default)
    {
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused("There is no retrospective open now.");
        }
        await db.SharedReflections.Where(r => r.CrewId == view.Crew.Id && r.Term == lookBack.Term && r.AtMeeting == lookBack.AtMeeting && r.UserId == view.Me.UserId)
            .ExecuteDeleteAsync(cancellationToken);
        return Outcome.Done;
    }
}
