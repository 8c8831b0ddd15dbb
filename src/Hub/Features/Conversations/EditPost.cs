using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>The author changes their post; the earlier text is kept, and the post says it was edited.</summary>
public sealed class EditPost(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(ConversationSpace space, Guid threadId, Guid postId, string text, CancellationToken cancellationToken = default)
    {
        var post = await db.ConversationPosts.Include(p => p.Thread)
            .SingleOrDefaultAsync(p => p.Id == postId && p.ThreadId == threadId && space.Threads(db).Any(t => t.Id == threadId), cancellationToken);
        if (post is null || !space.IsMember || post.AuthorUserId != space.UserId || post.DeletedAt is not null)
        {
            return Outcome.Refused(strings["Conversations.Refused.OnlyAuthorChanges"]);
        }
        if (post.Thread.ClosedAt is not null || post.Thread.HiddenAt is not null)
        {
            return Outcome.Refused(strings["Conversations.Refused.ClosedKept"], "Text");
        }
        if (ConversationLimits.TextProblem(text, strings) is { } problem)
        {
            return Outcome.Refused(problem, "Text");
        }
        if (post.Text == text.Trim())
        {
            return Outcome.Done;
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.ConversationPostVersions.Add(new ConversationPostVersion { Id = Guid.NewGuid(), PostId = post.Id, Text = post.Text, WrittenAt = post.EditedAt ?? post.CreatedAt, ReplacedAt = now });
        post.Text = text.Trim();
        post.EditedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
