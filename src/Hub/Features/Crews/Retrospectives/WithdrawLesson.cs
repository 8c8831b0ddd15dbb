using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>Any member of the crew takes one of its lessons off the congregation's page: an offer the crew can take back.</summary>
public sealed class WithdrawLesson(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid lessonId, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused("Only members of the crew take its lessons back.");
        }
        await db.CrewLessons.Where(l => l.Id == lessonId && l.CrewId == view.Crew.Id).ExecuteDeleteAsync(cancellationToken);
        return Outcome.Done;
    }
}
