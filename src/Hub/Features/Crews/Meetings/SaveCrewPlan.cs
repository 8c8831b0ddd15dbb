using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>The crew's own plan for its meetings, and who moves the room on: any member may change it.</summary>
public sealed class SaveCrewPlan(HubDbContext db, ReadPractices practices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, IReadOnlyList<PlanRow>? rows, bool anyoneMoves, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined || view.Crew.Stage == CrewStage.Disbanded)
        {
            return Outcome.Refused(strings["Meetings.Ops.MembersPlan"]);
        }
        var (steps, refusal) = MeetingPlan.Read(rows, await practices.AllAsync(cancellationToken), strings);
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
