using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Members join and leave running working groups of their congregation freely.</summary>
public sealed class JoinWorkingGroup(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid groupId, bool join, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return Outcome.Refused("Only members of the congregation join its working groups.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var group = await db.WorkingGroups.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == groupId && g.CongregationId == view.Congregation.Id, cancellationToken);
        if (group is null)
        {
            return Outcome.Refused("This working group does not exist (any more).");
        }
        if (group.EndsOn < DateOnly.FromDateTime(now))
        {
            return Outcome.Refused("This working group has ended.");
        }
        var mine = db.WorkingGroupMembers.Where(m => m.WorkingGroupId == groupId && m.UserId == view.UserId);
        if (!join)
        {
            await mine.ExecuteDeleteAsync(cancellationToken);
            return Outcome.Done;
        }
        if (await mine.AnyAsync(cancellationToken))
        {
            return Outcome.Refused("You are in this group already.");
        }
        db.WorkingGroupMembers.Add(new WorkingGroupMember { WorkingGroupId = groupId, UserId = view.UserId, JoinedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused("You are in this group already."); // a double click: the primary key keeps one row
        }
        return Outcome.Done;
    }
}
