using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>What the viewer may do in the commons: roles named by a hub administrator, and whether they contributed.</summary>
public sealed record CommonsViewer(string? UserId, bool IsHubAdmin, bool IsTreasurer, bool IsAdministrator, bool IsVetoHolder, bool IsContributor)
{
    public bool SignedIn => UserId is not null;

    /// <summary>Contributors (and the people who hold the commons) read proposals and their full history.</summary>
    public bool MaySeeProposals => IsContributor || IsTreasurer || IsAdministrator || IsVetoHolder;
}

public sealed class CommonsAccess(HubDbContext db)
{
    public async Task<CommonsViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return new CommonsViewer(null, false, false, false, false, false);
        }
        var roles = await db.CommonsRoles.Where(r => r.UserId == id).Select(r => r.Role).ToListAsync(cancellationToken);
        return new CommonsViewer(id, user.IsInRole(HubRoles.Admin),
            roles.Contains(CommonsRoleKind.Treasurer), roles.Contains(CommonsRoleKind.Administrator), roles.Contains(CommonsRoleKind.VetoHolder),
            await IsContributorAsync(id, cancellationToken));
    }

    /// <summary>Someone who has paid into the commons at least once (a correction does not undo having contributed).</summary>
    public Task<bool> IsContributorAsync(string userId, CancellationToken cancellationToken) =>
        db.LedgerEntries.AnyAsync(e => e.ContributorUserId == userId && e.Kind == LedgerKind.Contribution && e.AmountMinor > 0, cancellationToken);

    public Task<bool> HasRoleAsync(string userId, CommonsRoleKind role, CancellationToken cancellationToken) =>
        db.CommonsRoles.AnyAsync(r => r.UserId == userId && r.Role == role, cancellationToken);
}
