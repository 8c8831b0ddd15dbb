using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>The newsletter subscription of the account's address. Issues one sent and episodes one published stay: they are the community's.</summary>
[PersonalDataOf(typeof(NewsletterSubscriber), typeof(NewsletterIssue), typeof(Episode))]
internal sealed class UpdatesPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Newsletter";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken) =>
        await db.NewsletterSubscribers.AnyAsync(s => s.NormalizedEmail == user.NormalizedEmail, cancellationToken)
            ? ["Your newsletter subscription and the record of issues sent to you."]
            : [];

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken)
    {
        var subscriber = await db.NewsletterSubscribers.AsNoTracking()
            .SingleOrDefaultAsync(s => s.NormalizedEmail == user.NormalizedEmail, cancellationToken);
        if (subscriber is null)
        {
            return new { Subscription = (object?)null };
        }
        return new
        {
            Subscription = new { subscriber.Email, subscriber.Name, subscriber.CreatedAt, subscriber.ConfirmedAt, subscriber.UnsubscribedAt, subscriber.BouncedAt, subscriber.Language },
            IssuesSent = await db.NewsletterDeliveries.Where(d => d.SubscriberId == subscriber.Id && d.SentAt != null)
                .Join(db.NewsletterIssues, d => d.IssueId, i => i.Id, (d, i) => new { i.Subject, d.SentAt })
                .ToListAsync(cancellationToken),
        };
    }

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.NewsletterSubscribers.Where(s => s.NormalizedEmail == user.NormalizedEmail).ExecuteDeleteAsync(cancellationToken);
        // Issues and episodes stay the community's; they no longer name who sent or published them.
        await db.NewsletterIssues.Where(i => i.SentByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.SentByUserId, ""), cancellationToken);
        await db.Episodes.Where(e => e.PublishedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.PublishedByUserId, ""), cancellationToken);
    }
}
