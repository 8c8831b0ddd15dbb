using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>The poster deletes their post for good, with the answers to it (the page asks them to confirm first).</summary>
public sealed class DeleteOffer(HubDbContext db)
{
    public async Task<Outcome> RunAsync(string userId, Guid postId, CancellationToken cancellationToken = default)
    {
        var deleted = await db.OfferPosts.Where(p => p.Id == postId && p.PosterUserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Outcome.Refused("Only its poster deletes a post.") : Outcome.Done;
    }
}
