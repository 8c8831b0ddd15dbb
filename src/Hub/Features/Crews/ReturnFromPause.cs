using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Someone who paused comes back while the crew forms its next term (taking a place under the same
/// size limit as an invitation), or closes the door and leaves for good.
/// </summary>
public sealed class ReturnFromPause(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CrewView view, bool comeBack, CancellationToken cancellationToken = default)
    {
        if (view.Me.Status != CrewMemberStatus.Paused)
        {
            return Outcome.Refused(view.IsJoined ? "You are in this crew already." : "Only someone who paused can come back.");
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
                ? "The crew has closed. New crews form at every gathering."
                : "The crew is in the middle of a term. Come back when it forms its next one: this page will offer it.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Crews.Where(c => c.Id == view.Crew.Id && c.Stage == CrewStage.Forming && c.JoinedCount < CrewsFeature.MaxSize)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinedCount, c => c.JoinedCount + 1), cancellationToken);
        if (taken == 0)
        {
            return Outcome.Refused($"The crew is full for its next term: {CrewsFeature.MaxSize} people already.");
        }
        var position = await db.Crews.Where(c => c.Id == view.Crew.Id).Select(c => c.JoinedCount).SingleAsync(cancellationToken) - 1;
        var back = await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Paused)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Joined).SetProperty(m => m.JoinedAt, now)
                .SetProperty(m => m.LeftAt, (DateTime?)null).SetProperty(m => m.Position, position), cancellationToken);
        if (back == 0)
        {
            return Outcome.Refused("You are back already.");
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
