using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using NodaTime;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>The poster keeps their post up until a new day (and opens it again if they had closed it).</summary>
public sealed class RenewOffer(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, Guid postId, DateOnly? until, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        var post = await db.OfferPosts.SingleOrDefaultAsync(p => p.Id == postId && p.PosterUserId == userId, cancellationToken);
        if (post is null)
        {
            return Outcome.Refused(strings["Offers.Refused.OnlyPosterRenews"]);
        }
        if (PostOffer.ExpiryProblem(until, zone, time.GetUtcNow().UtcDateTime, strings) is { } problem)
        {
            return Outcome.Refused(problem.Message, "RenewUntil");
        }
        post.ExpiresAt = PostOffer.EndOf(until!.Value, zone);
        post.ClosedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
