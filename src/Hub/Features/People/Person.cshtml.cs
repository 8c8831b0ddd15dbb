using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>A person's profile, showing each field only to those its owner chose, and their open offers and requests to those who may see them.</summary>
public sealed class PersonModel(ProfileVisibility visibility, HubDbContext db, TimeProvider time) : HubPageModel
{
    public sealed record OpenPost(Guid Id, OfferPostKind Kind, string Title, string Skills);

    public VisibleProfile Profile { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    public string Id { get; private set; } = "";

    /// <summary>Their open posts the viewer may read: to the whole hub, or to a congregation the viewer belongs to. None for a visitor.</summary>
    public IReadOnlyList<OpenPost> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var viewer = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var profile = await visibility.ForViewerAsync(id, viewer, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        IsSelf = viewer == id;
        Id = id;
        if (viewer is not null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            Posts = await db.OfferPosts.AsNoTracking()
                .Where(p => p.PosterUserId == id && p.ClosedAt == null && p.ExpiresAt > now
                    && (p.CongregationId == null || db.Memberships.Any(m => m.CongregationId == p.CongregationId && m.UserId == viewer)))
                .OrderBy(p => p.ExpiresAt).Select(p => new OpenPost(p.Id, p.Kind, p.Title, p.Skills)).ToListAsync(cancellationToken);
        }
        return Page();
    }
}
