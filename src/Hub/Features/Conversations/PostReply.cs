using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// A member answers in a thread, from its page or by replying to a notification email: the same checks either way
/// (a member of the space, the thread neither closed nor hidden, as the database holds it now).
/// </summary>
public sealed class PostReply(HubDbContext db, TimeProvider time, ConversationNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(ConversationSpace space, Guid threadId, string text, CancellationToken cancellationToken = default)
    {
        if (!space.IsMember || space.UserId is null)
        {
            return (Outcome.Refused(strings["Conversations.Refused.OnlyMembersWrite", space.MembersIn(strings)]), null);
        }
        var thread = await space.Threads(db).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null || (thread.HiddenAt is not null && !space.CanHide))
        {
            return (Outcome.Refused(strings["Conversations.Refused.Gone"]), null);
        }
        if (thread.HiddenAt is not null || thread.ClosedAt is not null)
        {
            return (Outcome.Refused(strings["Conversations.Refused.ClosedNoPosts"], "Text"), null);
        }
        if (ConversationLimits.TextProblem(text, strings) is { } problem)
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
