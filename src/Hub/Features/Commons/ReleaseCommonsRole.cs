using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A hub administrator thanks someone for a role and releases them from it.</summary>
public sealed class ReleaseCommonsRole(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Guid roleId, CancellationToken cancellationToken = default)
    {
        var removed = await db.CommonsRoles.Where(r => r.Id == roleId).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Outcome.Done : Outcome.Refused(strings["Commons.Refused.RoleReleased"]);
    }
}
