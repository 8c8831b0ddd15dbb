using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A hub administrator thanks someone for a role and releases them from it.</summary>
public sealed class ReleaseCommonsRole(HubDbContext db)
{
    public async Task<Outcome> RunAsync(Guid roleId, CancellationToken cancellationToken = default)
    {
        var removed = await db.CommonsRoles.Where(r => r.Id == roleId).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Outcome.Done : Outcome.Refused("That role was released already.");
    }
}
