using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// A host stops someone hosting. Making someone a host or moving them to a level is an invitation they accept
/// (<see cref="OfferMembership"/>). A congregation always keeps at least one host.
/// </summary>
public sealed class ChangeMembership(HubDbContext db)
{
    public async Task<Outcome> EndHostingAsync(CongregationView view, Guid membershipId, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts change who hosts.");
        }
        // Loaded and saved, not a bulk update: the congregation's cached pages and reads are emptied by the
        // interceptor that sees saved memberships, and a bulk statement passes it by.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id, cancellationToken);
        if (membership is null)
        {
            return Outcome.Refused("This person is not a member (any more).");
        }
        if (membership.IsHost && await db.Memberships.CountAsync(m => m.CongregationId == view.Congregation.Id && m.IsHost, cancellationToken) == 1)
        {
            return Outcome.Refused("This is the last host. Invite another host, and wait for their yes, before stepping down.");
        }
        membership.IsHost = false;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
