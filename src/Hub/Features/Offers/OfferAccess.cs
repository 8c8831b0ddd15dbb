using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>
/// Who sees a post: every signed-in member of the hub for a post to the hub, a congregation's members for a post
/// to that congregation. Nobody else, administrators and visitors included: posts are never public.
/// </summary>
public static class OfferAccess
{
    /// <summary>The posts a person may read, open or not.</summary>
    public static IQueryable<OfferPost> VisibleTo(HubDbContext db, string userId) => db.OfferPosts.Where(p =>
        p.PosterUserId == userId || p.CongregationId == null || db.Memberships.Any(m => m.CongregationId == p.CongregationId && m.UserId == userId));

    /// <summary>Still in the lists: not closed and not past its expiry.</summary>
    public static IQueryable<OfferPost> Open(this IQueryable<OfferPost> posts, DateTime nowUtc) =>
        posts.Where(p => p.ClosedAt == null && p.ExpiresAt > nowUtc);

    public static bool IsOpen(OfferPost post, DateTime nowUtc) => post.ClosedAt is null && post.ExpiresAt > nowUtc;

    /// <summary>One post as the person may see it; null when it is not there for them.</summary>
    public static Task<OfferPost?> FindAsync(HubDbContext db, Guid id, string userId, CancellationToken cancellationToken) =>
        VisibleTo(db, userId).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Title, details, skills or place contain the words (any letter case).</summary>
    internal static System.Linq.Expressions.Expression<Func<OfferPost, bool>> Matches(string words)
    {
        var lower = words.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to the database's lower(): culture does not apply
        return p => p.Title.ToLower().Contains(lower) || p.Details.ToLower().Contains(lower) || p.Skills.ToLower().Contains(lower)
            || p.Place.ToLower().Contains(lower);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The place contains the words (any letter case), or, with <paramref name="orOnline"/>, it can be done online.</summary>
    internal static System.Linq.Expressions.Expression<Func<OfferPost, bool>> InPlace(string place, bool orOnline)
    {
        var lower = place.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
        return p => p.Place.ToLower().Contains(lower) || (orOnline && p.Online);
#pragma warning restore CA1304, CA1311, CA1862
    }
}

/// <summary>Words for posts in the reader's language.</summary>
public static class OfferText
{
    public static string Category(IStringLocalizer<Strings> strings, OfferCategory category) =>
        strings[Enum.IsDefined(category) ? $"Offers.Category.{category}" : "Offers.Category.Other"].Value;

    public static string Kind(IStringLocalizer<Strings> strings, OfferPostKind kind) =>
        strings[kind == OfferPostKind.Offer ? "Offers.Kind.Offer" : "Offers.Kind.Request"].Value;

    /// <summary>
    /// The last minute a post is up, for pages to show. A post is up until the end of the day its poster chose, stored
    /// as the next day's midnight; shown as such, "up until 5 January" read "6 Jan, 00:00" beside the 5 January the
    /// poster had picked, as if a day had been added.
    /// </summary>
    public static DateTime LastMinute(DateTime expiresAt) => expiresAt.AddMinutes(-1);
}
