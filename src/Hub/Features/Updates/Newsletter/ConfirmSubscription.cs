using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>The second half of double opt-in, and leaving again: both need only the link's token.</summary>
public sealed class ChangeSubscription(HubDbContext db, TimeProvider time)
{
    public Task<NewsletterSubscriber?> FindAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 64
            ? Task.FromResult<NewsletterSubscriber?>(null)
            : db.NewsletterSubscribers.SingleOrDefaultAsync(s => s.Token == token, cancellationToken);

    public async Task<NewsletterSubscriber?> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await FindAsync(token, cancellationToken);
        if (subscriber is not null && subscriber.ConfirmedAt is null && subscriber.UnsubscribedAt is null)
        {
            subscriber.ConfirmedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return subscriber;
    }

    /// <summary>Idempotent, as RFC 8058 expects of a one-click unsubscribe.</summary>
    public async Task<NewsletterSubscriber?> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await FindAsync(token, cancellationToken);
        if (subscriber is not null && subscriber.UnsubscribedAt is null)
        {
            subscriber.UnsubscribedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return subscriber;
    }
}
