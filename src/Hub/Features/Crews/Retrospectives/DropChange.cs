using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>Any member takes a change off the list while the look back is open (the list is the crew's, not one person's).</summary>
public sealed class DropChange(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, Guid changeId, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.DropMembersOnly"]);
        }
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused(strings["Crews.Ops.DropSettled"]);
        }
        await db.CrewChanges.Where(c => c.Id == changeId && c.CrewId == view.Crew.Id && c.Term == lookBack.Term && c.AtMeeting == lookBack.AtMeeting)
            .ExecuteDeleteAsync(cancellationToken);
        return Outcome.Done;
    }
}
