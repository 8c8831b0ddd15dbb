using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>The crew's own plan for its meetings, and who moves the room on: any member may change it.</summary>
public sealed class SaveCrewPlan(HubDbContext db, ReadPractices practices)
{
    public async Task<Outcome> RunAsync(CrewView view, IReadOnlyList<PlanRow>? rows, bool anyoneMoves, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined || view.Crew.Stage == CrewStage.Disbanded)
        {
            return Outcome.Refused("Only the crew's members plan its meetings.");
        }
        var (steps, refusal) = MeetingPlan.Read(rows, await practices.AllAsync(cancellationToken));
        if (refusal is not null)
        {
            return refusal;
        }
        var plan = await db.CrewPlans.SingleOrDefaultAsync(p => p.CrewId == view.Crew.Id, cancellationToken);
        if (plan is null)
        {
            plan = new CrewPlan { CrewId = view.Crew.Id };
            db.CrewPlans.Add(plan);
        }
        plan.Steps = MeetingPlan.Format(steps!);
        plan.AnyoneMoves = anyoneMoves;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
