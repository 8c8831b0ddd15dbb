using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>The poster deletes their post for good, with the answers to it (the page asks them to confirm first).</summary>
public sealed class DeleteOffer(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, Guid postId, CancellationToken cancellationToken = default)
    {
        var deleted = await db.OfferPosts.Where(p => p.Id == postId && p.PosterUserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Outcome.Refused(strings["Offers.Refused.OnlyPosterDeletes"]) : Outcome.Done;
    }
}
