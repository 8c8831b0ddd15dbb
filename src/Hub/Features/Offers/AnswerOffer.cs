using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Offers;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Offers;

/// <summary>
/// A member answers a post privately: the message is kept for the poster on the hub and sent to them (by their
/// choice for the "offers" topic: at once, in the digest, or only on the hub). The writer's address goes with it
/// only when they choose to share it.
/// </summary>
public sealed class AnswerOffer(HubDbContext db, TimeProvider time, OfferNotices notices, IStringLocalizer<Strings> strings)
{
    /// <summary>How many answers one person may send to one post: enough for a conversation to start, too few to pester.</summary>
    public const int MaxPerPost = 5;

    public async Task<Outcome> RunAsync(string userId, Guid postId, string message, bool shareEmail, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var post = await OfferAccess.FindAsync(db, postId, userId, cancellationToken);
        if (post is null || post.PosterUserId == userId)
        {
            return Outcome.Refused(strings["Offers.Refused.AnswerOthers"]);
        }
        if (!OfferAccess.IsOpen(post, now))
        {
            return Outcome.Refused(strings["Offers.Refused.Ended"]);
        }
        var text = message.Trim();
        if (text.Length == 0)
        {
            return Outcome.Refused(strings["Offers.Problem.MessageEmpty"], "Message");
        }
        if (text.Length > OfferLimits.Message)
        {
            return Outcome.Refused(strings["Offers.Problem.MessageLong", OfferLimits.Message.ToString("N0", DateFormats.Culture)], "Message");
        }
        if (await db.OfferAnswers.CountAsync(a => a.PostId == postId && a.FromUserId == userId, cancellationToken) >= MaxPerPost)
        {
            return Outcome.Refused(strings["Offers.Problem.MessageMany", MaxPerPost], "Message");
        }
        db.OfferAnswers.Add(new OfferAnswer { Id = Guid.NewGuid(), PostId = postId, FromUserId = userId, Message = text, ShareEmail = shareEmail, SentAt = now });
        var from = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(cancellationToken);
        // In the poster's language; the message stays in the writer's words.
        await notices.SendAsync([post.PosterUserId], "offers.answer", $"/offers/{post.Id}", () => new NoticeWords(
            strings["Email.OfferAnswer.Subject", from.DisplayName, post.Title],
            [
                strings[post.Kind == OfferPostKind.Offer ? "Email.OfferAnswer.ToOffer" : "Email.OfferAnswer.ToRequest", from.DisplayName, post.Title],
                text,
                shareEmail ? strings["Email.OfferAnswer.Shares", from.DisplayName, from.Email!] : strings["Email.OfferAnswer.Kept", from.DisplayName],
            ], strings["Email.OfferAnswer.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
