using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// Resumes a paused timer for everyone at once, from the time that was left: the step's start moves on by the length
/// of the pause. The new start is worked out from the row as it was read, and the update holds only if the row is
/// still at that version, so nothing else can have changed it in between.
/// </summary>
public sealed class ResumeTimer(HubDbContext db, TimeProvider time, LiveSignals live, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(MeetingInRoom room, int fromVersion, CancellationToken cancellationToken = default)
    {
        if (!room.View.IsJoined || !room.MayMove)
        {
            return Outcome.Refused(strings["Meetings.Ops.HostTimer"]);
        }
        if (fromVersion != room.Version)
        {
            return Outcome.Refused(strings[MoveStep.Lost]);
        }
        if (room.Row is not { PausedAt: { } pausedAt, StepStartedAt: { } started } || room.Current is null)
        {
            return Outcome.Done; // running already, or no step to time: nothing to resume
        }
        var now = time.GetUtcNow().UtcDateTime;
        var resumedStart = started + (now > pausedAt ? now - pausedAt : TimeSpan.Zero);
        var resumed = await db.MeetingRooms.Where(r => r.MeetingId == room.Meeting.Id && r.Version == fromVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StepStartedAt, (DateTime?)resumedStart)
                .SetProperty(r => r.PausedAt, (DateTime?)null)
                .SetProperty(r => r.Version, fromVersion + 1), cancellationToken);
        return resumed == 1 ? await MeetingRoomsFeature.ChangedAsync(live, db, room) : Outcome.Refused(strings[MoveStep.Lost]);
    }
}
