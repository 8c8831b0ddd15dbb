using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>A member stops taking part in introductions in a congregation.</summary>
public sealed class LeaveIntroductions(HubDbContext db, IStringLocalizer<Strings> strings)
{
    /// <summary>Leaves: the row goes (what they shared with it); past introductions stay, so nobody is introduced twice.</summary>
    public async Task<Outcome> RunAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        var row = await db.IntroductionMembers.SingleOrDefaultAsync(m => m.CongregationId == view.Congregation.Id && m.UserId == view.UserId, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused(strings["Introductions.Refused.NotTakingPart"]);
        }
        db.IntroductionMembers.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
