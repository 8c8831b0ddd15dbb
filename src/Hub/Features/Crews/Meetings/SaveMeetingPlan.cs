using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>The host changes the plan of their meeting (until it begins); the crew's own plan stays as it is.</summary>
public sealed class SaveMeetingPlan(HubDbContext db, ReadPractices practices, LiveSignals live, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(MeetingInRoom room, IReadOnlyList<PlanRow>? rows, bool backToCrewPlan, CancellationToken cancellationToken = default)
    {
        if (!room.IsHost && !room.MayMove)
        {
            return Outcome.Refused(strings["Meetings.Ops.HostPlans"]);
        }
        if (room.Begun)
        {
            return Outcome.Refused(strings["Meetings.Ops.Begun"]);
        }
        var plan = "";
        if (!backToCrewPlan)
        {
            var (steps, refusal) = MeetingPlan.Read(rows, await practices.AllAsync(cancellationToken), strings);
            if (refusal is not null)
            {
                return refusal;
            }
            plan = MeetingPlan.Format(steps!);
        }
        if (room.Row is null)
        {
            db.MeetingRooms.Add(new MeetingRoom { MeetingId = room.Meeting.Id, CrewId = room.Crew.Id, Plan = plan, Version = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return await MeetingRoomsFeature.ChangedAsync(live, db, room);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
        // Raising the version tells every open room page to show the new plan.
        var saved = await db.MeetingRooms.Where(r => r.MeetingId == room.Meeting.Id && r.Step == -1)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Plan, plan).SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        return saved == 1 ? await MeetingRoomsFeature.ChangedAsync(live, db, room) : Outcome.Refused(strings["Meetings.Ops.Begun"]);
    }
}
