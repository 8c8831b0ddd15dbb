using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Accepting takes one of the six places, if one is left; declining needs no reason.</summary>
public sealed class RespondToCrewInvitation(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CrewView view, bool accept, CancellationToken cancellationToken = default)
    {
        if (view.Me.Status != CrewMemberStatus.Invited)
        {
            return Outcome.Refused(view.IsJoined ? "You are in this crew already." : "This invitation is no longer open.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!accept)
        {
            await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Invited)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Declined).SetProperty(m => m.LeftAt, now), cancellationToken);
            return Outcome.Done;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The place is taken by a conditional update on the crew row: of two people accepting the
        // last place at once, exactly one update finds JoinedCount below the limit.
        var taken = await db.Crews.Where(c => c.Id == view.Crew.Id && c.JoinedCount < CrewsFeature.MaxSize && c.Stage != CrewStage.Disbanded)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinedCount, c => c.JoinedCount + 1), cancellationToken);
        if (taken == 0)
        {
            return Outcome.Refused($"The crew is full: it has {CrewsFeature.MaxSize} people, as many as one conversation can hold. The caller can tell you when a place opens.");
        }
        var position = await db.Crews.Where(c => c.Id == view.Crew.Id).Select(c => c.JoinedCount).SingleAsync(cancellationToken) - 1;
        var joined = await db.CrewMembers.Where(m => m.Id == view.Me.Id && m.Status == CrewMemberStatus.Invited)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CrewMemberStatus.Joined).SetProperty(m => m.JoinedAt, now)
                .SetProperty(m => m.Position, position), cancellationToken);
        if (joined == 0)
        {
            return Outcome.Refused("You are in this crew already.");
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
