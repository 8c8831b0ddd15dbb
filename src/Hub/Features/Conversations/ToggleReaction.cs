using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>"Thank you" or "+1" on a post: the first press adds it, the next takes it back.</summary>
public sealed class ToggleReaction(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings, CacheEviction eviction)
{
    public async Task<Outcome> RunAsync(ConversationSpace space, Guid threadId, Guid postId, ConversationReactionKind kind, CancellationToken cancellationToken = default)
    {
        if (!space.IsMember || space.UserId is not { } me || !Enum.IsDefined(kind))
        {
            return Outcome.Refused(strings["Conversations.Refused.OnlyPeopleReact"]);
        }
        var exists = await db.ConversationPosts.AnyAsync(p => p.Id == postId && p.ThreadId == threadId && p.DeletedAt == null
            && space.Threads(db).Any(t => t.Id == threadId && (t.HiddenAt == null || space.CanHide)), cancellationToken);
        if (!exists)
        {
            return Outcome.Refused(strings["Conversations.Refused.PostGone"]);
        }
        // Taking it back deletes the row; a double press that finds none adds it, and the unique index keeps one.
        var removed = await db.ConversationReactions.Where(r => r.PostId == postId && r.UserId == me && r.Kind == kind).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            db.ConversationReactions.Add(new ConversationReaction { Id = Guid.NewGuid(), PostId = postId, UserId = me, Kind = kind, CreatedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second press at the same moment added the same reaction first: it stands once.
                db.ChangeTracker.Clear();
            }
        }
        // A reaction is neither a thread nor a post, and taking one back passes no save: the kept threads are dropped
        // here, on this node and (on PostgreSQL) on the others.
        await eviction.EvictHereAsync(SharedReadCache.Conversations);
        if (db.Database.IsNpgsql())
        {
            await eviction.TellOtherNodesAsync(db, [SharedReadCache.Conversations]);
        }
        return Outcome.Done;
    }
}
