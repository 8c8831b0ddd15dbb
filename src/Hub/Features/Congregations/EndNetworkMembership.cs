using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts end a member's network membership. Granting it is an invitation the member accepts
/// (<see cref="OfferMembership"/>); ending it stays a host's act.
/// </summary>
public sealed class EndNetworkMembership(HubDbContext db)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid membershipId, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts end network membership.");
        }
        var userId = await db.Memberships.Where(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id)
            .Select(m => m.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Outcome.Refused("This person is not a member (any more).");
        }
        await db.Users.Where(u => u.Id == userId && u.NetworkMemberSince != null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, (DateTime?)null), cancellationToken);
        return Outcome.Done;
    }
}
