using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts grant (or end) network membership for members of their congregation. Until the commons
/// can grant it by contribution, this is how people reach the network's members-only call.
/// </summary>
public sealed class GrantNetworkMembership(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid membershipId, bool grant, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts grant network membership.");
        }
        var userId = await db.Memberships.Where(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id)
            .Select(m => m.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Outcome.Refused("This person is not a member (any more).");
        }
        DateTime? since = grant ? time.GetUtcNow().UtcDateTime : null;
        await db.Users.Where(u => u.Id == userId && (grant ? u.NetworkMemberSince == null : u.NetworkMemberSince != null))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.NetworkMemberSince, since), cancellationToken);
        return Outcome.Done;
    }
}
