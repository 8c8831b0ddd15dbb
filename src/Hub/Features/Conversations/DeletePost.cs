using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// The author deletes their post. It stays in place as "deleted", so the replies around it keep their context,
/// but its words (and their earlier versions and reactions) are gone.
/// </summary>
public sealed class DeletePost(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(ConversationSpace space, Guid threadId, Guid postId, CancellationToken cancellationToken = default)
    {
        var post = await db.ConversationPosts
            .SingleOrDefaultAsync(p => p.Id == postId && p.ThreadId == threadId && space.Threads(db).Any(t => t.Id == threadId), cancellationToken);
        if (post is null || !space.IsMember || post.AuthorUserId != space.UserId)
        {
            return Outcome.Refused(strings["Conversations.Refused.OnlyAuthorDeletes"]);
        }
        if (post.DeletedAt is not null)
        {
            return Outcome.Done;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        post.DeletedAt = time.GetUtcNow().UtcDateTime;
        post.Text = "";
        await db.ConversationPostVersions.Where(v => v.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationReactions.Where(r => r.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
