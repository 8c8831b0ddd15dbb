using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Hosts change a member's level, or who hosts. A congregation always keeps at least one host.</summary>
public sealed class ChangeMembership(HubDbContext db)
{
    public async Task<Outcome> SetLevelAsync(CongregationView view, Guid membershipId, Guid levelId, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts change levels.");
        }
        if (!view.Congregation.Levels.Any(l => l.Id == levelId))
        {
            return Outcome.Refused("That level does not belong to this congregation.");
        }
        // Loaded and saved, not a bulk update: the congregation's cached pages and reads are emptied by the
        // interceptor that sees saved memberships, and a bulk statement passes it by.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id, cancellationToken);
        if (membership is null)
        {
            return Outcome.Refused("This person is not a member (any more).");
        }
        membership.LevelId = levelId;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> SetHostAsync(CongregationView view, Guid membershipId, bool host, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts name hosts.");
        }
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.CongregationId == view.Congregation.Id, cancellationToken);
        if (membership is null)
        {
            return Outcome.Refused("This person is not a member (any more).");
        }
        if (!host && membership.IsHost
            && await db.Memberships.CountAsync(m => m.CongregationId == view.Congregation.Id && m.IsHost, cancellationToken) == 1)
        {
            return Outcome.Refused("This is the last host. Name another host before stepping down.");
        }
        membership.IsHost = host;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
