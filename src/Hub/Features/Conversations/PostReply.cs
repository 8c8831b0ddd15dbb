using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// A member answers in a thread, from its page or by replying to a notification email: the same checks either way
/// (a member of the space, the thread neither closed nor hidden, as the database holds it now).
/// </summary>
public sealed class PostReply(HubDbContext db, TimeProvider time, ConversationNotices notices)
{
    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(ConversationSpace space, Guid threadId, string text, CancellationToken cancellationToken = default)
    {
        if (!space.IsMember || space.UserId is null)
        {
            return (Outcome.Refused($"Only {space.Members} write in this conversation."), null);
        }
        var thread = await space.Threads(db).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null || (thread.HiddenAt is not null && !space.CanHide))
        {
            return (Outcome.Refused("This conversation is not there any more."), null);
        }
        if (thread.HiddenAt is not null || thread.ClosedAt is not null)
        {
            return (Outcome.Refused("This conversation is closed: no new posts. Start a new one if there is more to say.", "Text"), null);
        }
        if (ConversationLimits.TextProblem(text) is { } problem)
        {
            return (Outcome.Refused(problem, "Text"), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var post = new ConversationPost { Id = Guid.NewGuid(), ThreadId = thread.Id, AuthorUserId = space.UserId, Text = text.Trim(), CreatedAt = now };
        db.ConversationPosts.Add(post);
        // Two replies at the same moment are two rows; the later write of this time is as good as the other.
        thread.LastPostAt = now;
        await notices.PostedAsync(space, thread, post, first: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, post.Id);
    }
}
