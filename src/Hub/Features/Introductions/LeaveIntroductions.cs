using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>A member stops taking part in introductions in a congregation.</summary>
public sealed class LeaveIntroductions(HubDbContext db)
{
    /// <summary>Leaves: the row goes (what they shared with it); past introductions stay, so nobody is introduced twice.</summary>
    public async Task<Outcome> RunAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        var row = await db.IntroductionMembers.SingleOrDefaultAsync(m => m.CongregationId == view.Congregation.Id && m.UserId == view.UserId, cancellationToken);
        if (row is null)
        {
            return Outcome.Refused("You are not taking part in introductions here.");
        }
        db.IntroductionMembers.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
