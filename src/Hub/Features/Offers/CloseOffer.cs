using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>The poster takes their post out of the lists (found, given, no longer needed); answers stay with them.</summary>
public sealed class CloseOffer(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(string userId, Guid postId, CancellationToken cancellationToken = default)
    {
        var post = await db.OfferPosts.SingleOrDefaultAsync(p => p.Id == postId && p.PosterUserId == userId, cancellationToken);
        if (post is null)
        {
            return Outcome.Refused("Only its poster closes a post.");
        }
        post.ClosedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
