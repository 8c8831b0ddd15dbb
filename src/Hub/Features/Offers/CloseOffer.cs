using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>The poster takes their post out of the lists (found, given, no longer needed); answers stay with them.</summary>
public sealed class CloseOffer(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, Guid postId, CancellationToken cancellationToken = default)
    {
        var post = await db.OfferPosts.SingleOrDefaultAsync(p => p.Id == postId && p.PosterUserId == userId, cancellationToken);
        if (post is null)
        {
            return Outcome.Refused(strings["Offers.Refused.OnlyPosterCloses"]);
        }
        post.ClosedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
