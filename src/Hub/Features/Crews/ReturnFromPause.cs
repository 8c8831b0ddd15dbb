using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Someone who paused comes back while the crew forms its next term (taking a place under the same
/// size limit as an invitation), or closes the door and leaves for good.
/// </summary>
public sealed class ReturnFromPause(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, bool comeBack, CancellationToken cancellationToken = default)
    {
        if (view.Me.Status != CrewMemberStatus.Paused)
        {
            return Outcome.Refused(view.IsJoined ? strings["Crews.Ops.InAlready"] : strings["Crews.Ops.OnlyPausedReturn"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!comeBack)
        {
            await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Paused)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Left), cancellationToken);
            return Outcome.Done;
        }
        if (view.Crew.Stage != CrewStage.Forming)
        {
            return Outcome.Refused(view.Crew.Stage == CrewStage.Disbanded
                ? strings["Crews.Show.PausedClosed"]
                : strings["Crews.Ops.ReturnMidTerm"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Crews.Where(c => c.Id == view.Crew.Id && c.Stage == CrewStage.Forming && c.JoinedCount < CrewsFeature.MaxSize)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinedCount, c => c.JoinedCount + 1), cancellationToken);
        if (taken == 0)
        {
            return Outcome.Refused(strings["Crews.Ops.FullNextTerm", CrewsFeature.MaxSize]);
        }
        var position = await db.Crews.Where(c => c.Id == view.Crew.Id).Select(c => c.JoinedCount).SingleAsync(cancellationToken) - 1;
        var back = await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Paused)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Joined).SetProperty(m => m.JoinedAt, now)
                .SetProperty(m => m.LeftAt, (DateTime?)null).SetProperty(m => m.Position, position), cancellationToken);
        if (back == 0)
        {
            return Outcome.Refused(strings["Crews.Ops.BackAlready"]);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
