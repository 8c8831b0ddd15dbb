using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// The caller may open the retrospective before the last meeting, when the crew agrees the
/// experiment has taught what it can; otherwise it opens by itself when the last meeting begins.
/// </summary>
public sealed class CloseTerm(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CrewView view, CancellationToken cancellationToken = default)
    {
        if (!view.IsCaller || !view.IsJoined)
        {
            return Outcome.Refused("The caller opens the retrospective early; otherwise it opens with the last meeting.");
        }
        if (view.Crew.Stage != CrewStage.Meeting)
        {
            return Outcome.Refused("There is no term running to close.");
        }
        await db.Crews.Where(c => c.Id == view.Crew.Id && c.Stage == CrewStage.Meeting)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, CrewStage.Retrospective), cancellationToken);
        return Outcome.Done;
    }
}
