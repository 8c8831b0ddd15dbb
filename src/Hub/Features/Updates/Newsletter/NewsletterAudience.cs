using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>Who a segment reaches: confirmed subscribers, matched to accounts by address where the segment needs it.</summary>
public static class NewsletterAudience
{
    public static IQueryable<NewsletterSubscriber> Of(HubDbContext db, NewsletterSegment segment, Guid? congregationId)
    {
        var receiving = db.NewsletterSubscribers
            .Where(s => s.ConfirmedAt != null && s.UnsubscribedAt == null && s.BouncedAt == null);
        return segment switch
        {
            NewsletterSegment.NetworkMembers => receiving.Where(s =>
                db.Users.Any(u => u.NormalizedEmail == s.NormalizedEmail && u.NetworkMemberSince != null)),
            NewsletterSegment.Congregation => receiving.Where(s =>
                db.Memberships.Any(m => m.CongregationId == congregationId && m.User.NormalizedEmail == s.NormalizedEmail)),
            _ => receiving,
        };
    }
}
