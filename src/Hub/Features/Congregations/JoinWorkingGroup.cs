using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Members join and leave running working groups of their congregation freely.</summary>
public sealed class JoinWorkingGroup(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid groupId, bool join, CancellationToken cancellationToken = default)
    {
        if (!view.IsMember || view.UserId is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.GroupMembersOnly"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var group = await db.WorkingGroups.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == groupId && g.CongregationId == view.Congregation.Id, cancellationToken);
        if (group is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.GroupGone"]);
        }
        if (group.EndsOn < DateOnly.FromDateTime(now))
        {
            return Outcome.Refused(strings["Congregations.Refused.GroupEnded"]);
        }
        var mine = db.WorkingGroupMembers.Where(m => m.WorkingGroupId == groupId && m.UserId == view.UserId);
        if (!join)
        {
            await mine.ExecuteDeleteAsync(cancellationToken);
            return Outcome.Done;
        }
        if (await mine.AnyAsync(cancellationToken))
        {
            return Outcome.Refused(strings["Congregations.Refused.InGroupAlready"]);
        }
        db.WorkingGroupMembers.Add(new WorkingGroupMember { WorkingGroupId = groupId, UserId = view.UserId, JoinedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused(strings["Congregations.Refused.InGroupAlready"]); // a double click: the primary key keeps one row
        }
        return Outcome.Done;
    }
}
