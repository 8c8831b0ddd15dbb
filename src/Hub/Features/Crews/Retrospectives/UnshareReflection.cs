using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>A member takes back what they shared at the look back open now: it was theirs to give, and is theirs to take back.</summary>
public sealed class UnshareReflection(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, CancellationToken cancellationToken = default)
    {
        if (LookBack.Open(view) is not { } lookBack)
        {
            return Outcome.Refused(strings["Crews.Ops.NoRetroOpen"]);
        }
        await db.SharedReflections.Where(r => r.CrewId == view.Crew.Id && r.Term == lookBack.Term && r.AtMeeting == lookBack.AtMeeting && r.UserId == view.Me.UserId)
            .ExecuteDeleteAsync(cancellationToken);
        return Outcome.Done;
    }
}
