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
        // The viewer's membership (or that they have none) is kept the same few seconds per congregation and person,
        // in the same region: any saved change to a membership or a level empties it at once, here and on the other
        // nodes, as it does the congregation's counts. It was a query of its own on every view of every page here.
        var membership = userId is null ? null : (await reads.GetOrLoadAsync(SharedReadCache.Congregations, $"membership:{congregation.Id}:{userId}",
            async () => new KeptMembership(await db.Memberships.AsNoTracking()
                .Include(m => m.Level)
                .SingleOrDefaultAsync(m => m.CongregationId == congregation.Id && m.UserId == userId, cancellationToken)))).Membership;
        return new CongregationView(congregation, membership, userId, user.IsInRole(HubRoles.Admin));
    }

    /// <summary>Kept even when there is none: "not a member" is read as often as a membership.</summary>
    private sealed record KeptMembership(Membership? Membership);
}
