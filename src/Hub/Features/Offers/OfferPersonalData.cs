using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>The offers and requests one posted, the answers they were sent, and the answers one wrote to others' posts.</summary>
[PersonalDataOf(typeof(OfferPost), typeof(OfferAnswer))]
internal sealed class OfferPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Offers and requests";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var posts = await db.OfferPosts.CountAsync(p => p.PosterUserId == user.Id, cancellationToken);
        var answers = await db.OfferAnswers.CountAsync(a => a.FromUserId == user.Id, cancellationToken);
        return [$"{posts} offer(s) and request(s) you posted, with the answers sent to you, and {answers} answer(s) you wrote to others' posts."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Posted = await db.OfferPosts.Where(p => p.PosterUserId == user.Id).OrderBy(p => p.CreatedAt)
            .Select(p => new
            {
                Kind = p.Kind.ToString(),
                Category = p.Category.ToString(),
                p.Title,
                p.Details,
                p.Skills,
                p.Place,
                p.Online,
                p.ExpiresAt,
                p.ClosedAt,
                p.CreatedAt,
                // What others wrote to you: their words and names, and their address only where they shared it.
                Answers = p.Answers.OrderBy(a => a.SentAt).Select(a => new { From = a.From.DisplayName, a.Message, Email = a.ShareEmail ? a.From.Email : null, a.SentAt }).ToList(),
            }).ToListAsync(cancellationToken),
        AnswersWritten = await db.OfferAnswers.Where(a => a.FromUserId == user.Id).OrderBy(a => a.SentAt)
            .Select(a => new { To = a.Post.Title, a.Message, a.ShareEmail, a.SentAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Their answers and their posts (with the answers to them) go with the account.
        await db.OfferAnswers.Where(a => a.FromUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.OfferPosts.Where(p => p.PosterUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
