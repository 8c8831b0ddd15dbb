using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>A member pauses introductions (left out of rounds until they come back), or comes back.</summary>
public sealed class PauseIntroductions(HubDbContext db, IStringLocalizer<Strings> strings)
{
    /// <summary>Pause (left out of rounds) or come back.</summary>
    public async Task<Outcome> RunAsync(CongregationView view, bool paused, CancellationToken cancellationToken = default)
    {
        var row = await db.IntroductionMembers.SingleOrDefaultAsync(m => m.CongregationId == view.Congregation.Id && m.UserId == view.UserId, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused(strings["Introductions.Refused.NotTakingPart"]);
        }
        row.Paused = paused;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
