using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>What the person looking may do in one congregation.</summary>
public sealed record CongregationView(Congregation Congregation, Membership? Membership, string? UserId, bool IsAdmin)
{
    public bool IsSignedIn => UserId is not null;
    public bool IsMember => Membership is not null;
    public bool IsHost => Membership?.IsHost == true || IsAdmin;
    public bool CanInvite => IsHost || Membership?.Level.CanInvite == true;

    /// <summary>The member directory is for members (and the network's administrators) only.</summary>
    public bool CanSeeMembers => IsMember || IsAdmin;
}

/// <summary>Loads a congregation and the viewer's membership; every page under /congregations/{slug} starts here.</summary>
public sealed class CongregationAccess(HubDbContext db, SharedReadCache reads)
{
    public async Task<CongregationView?> LoadAsync(string slug, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        // The congregation and its levels are the same for every viewer: shared for a few seconds and
        // dropped at once when a change to them is saved. Never change the returned object: it is shared.
        var congregation = await reads.GetOrLoadAsync(SharedReadCache.Congregations, $"congregation:{slug}", () => db.Congregations.AsNoTracking()
            .Include(c => c.Levels.OrderBy(l => l.Rank))
            .SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken));
        if (congregation is null)
        {
            return null;
        }
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var membership = userId is null ? null : await db.Memberships.AsNoTracking()
            .Include(m => m.Level)
            .SingleOrDefaultAsync(m => m.CongregationId == congregation.Id && m.UserId == userId, cancellationToken);
        return new CongregationView(congregation, membership, userId, user.IsInRole(HubRoles.Admin));
    }
}
