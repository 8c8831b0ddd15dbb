using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// Pauses the timer of the step in progress for everyone at once: the time left stays as it is until someone resumes
/// it. Like a move, it names the version it was made from, so a pause pressed after someone else's move changes nothing.
/// </summary>
public sealed class PauseTimer(HubDbContext db, TimeProvider time, LiveSignals live, IStringLocalizer<Strings> strings)
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
        if (room.Current is null || room.Row is null)
        {
            return Outcome.Refused(strings["Meetings.Ops.NoStep"]);
        }
        if (room.Paused)
        {
            return Outcome.Done; // paused already: what the person wanted is so
        }
        var now = time.GetUtcNow().UtcDateTime;
        var paused = await db.MeetingRooms.Where(r => r.MeetingId == room.Meeting.Id && r.Version == fromVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.PausedAt, (DateTime?)now)
                .SetProperty(r => r.Version, fromVersion + 1), cancellationToken);
        return paused == 1 ? await MeetingRoomsFeature.ChangedAsync(live, db, room) : Outcome.Refused(strings[MoveStep.Lost]);
    }
}
