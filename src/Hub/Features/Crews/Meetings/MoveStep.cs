using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// Moves a meeting's room to another step (begin, next, back, end) for everyone at once. The move names the
/// version it was made from and is a conditional update on it, so of two people pressing "next" at the same
/// moment, on any web node, one moves the room and the other is shown where it is now.
/// </summary>
public sealed class MoveStep(HubDbContext db, TimeProvider time, LiveSignals live, IStringLocalizer<Strings> strings)
{
    /// <summary>The key of what a person is told when the room moved a moment before their press.</summary>
    public const string Lost = "Meetings.Ops.Lost";

    public async Task<Outcome> RunAsync(MeetingInRoom room, int fromVersion, int toStep, CancellationToken cancellationToken = default)
    {
        if (!room.View.IsJoined || !room.MayMove)
        {
            return Outcome.Refused(strings["Meetings.Ops.HostMoves"]);
        }
        if (toStep < -1 || toStep > room.Steps.Count || Math.Abs(toStep - room.Step) != 1)
        {
            return Outcome.Refused(strings[Lost]);
        }
        if (room.Row is null)
        {
            db.MeetingRooms.Add(new MeetingRoom { MeetingId = room.Meeting.Id, CrewId = room.Crew.Id });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another member's move made the row first; the version check below decides
            }
        }
        // The plan in use is kept with the room once it begins, so a change to the crew's plan leaves a running meeting as it is.
        var plan = MeetingPlan.Format(room.Steps.Select(s => new PlanStep(s.Slug, s.Minutes)));
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.MeetingRooms.Where(r => r.MeetingId == room.Meeting.Id && r.Version == fromVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Step, toStep)
                .SetProperty(r => r.StepStartedAt, (DateTime?)now)
                .SetProperty(r => r.PausedAt, (DateTime?)null) // each step starts its own timer, running
                .SetProperty(r => r.Plan, plan)
                .SetProperty(r => r.Version, fromVersion + 1), cancellationToken);
        return moved == 1 ? await MeetingRoomsFeature.ChangedAsync(live, db, room) : Outcome.Refused(strings[Lost]);
    }
}
