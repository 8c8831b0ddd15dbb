using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>
/// Who may speak for the community: administrators, and hosts of a congregation (to their own
/// congregation's members). Hosts also read the webhook log; only administrators change targets.
/// </summary>
public sealed class UpdatesAccess(HubDbContext db)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(HubRoles.Admin);

    /// <summary>The congregations the person hosts, by id and name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> HostedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = UserId(user);
        if (id is null)
        {
            return [];
        }
        var rows = await db.Memberships.Where(m => m.UserId == id && m.IsHost)
            .OrderBy(m => m.Congregation.Name)
            .Select(m => new { m.CongregationId, m.Congregation.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.CongregationId, r.Name))];
    }

    public async Task<bool> MaySpeakAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        IsAdmin(user) || (await HostedAsync(user, cancellationToken)).Count > 0;
}
