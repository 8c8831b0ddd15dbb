using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// One's posts (with their earlier versions), the threads one started, and one's reactions. On deletion the
/// reactions go, and the posts stay without a name, from "someone who left", as a board's cards do: a conversation
/// is many people's, and the replies to a post would lose their sense without it. Anyone who wants their words
/// gone deletes their posts first (each one, or by asking a host).
/// </summary>
[PersonalDataOf(typeof(ConversationPost), typeof(ConversationReaction), typeof(ConversationThread))]
internal sealed class ConversationPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Conversations";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var posts = await db.ConversationPosts.CountAsync(p => p.AuthorUserId == user.Id && p.DeletedAt == null, cancellationToken);
        var reactions = await db.ConversationReactions.CountAsync(r => r.UserId == user.Id, cancellationToken);
        return [$"Your {reactions} reaction(s) to posts go. Your {posts} post(s) in conversations stay where they are, without your name (“someone who left”), so the replies to them still make sense: delete any you want gone before you delete your account."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Posts = await db.ConversationPosts.Where(p => p.AuthorUserId == user.Id).OrderBy(p => p.CreatedAt)
            .Select(p => new
            {
                Thread = p.Thread.Title,
                p.Text,
                p.CreatedAt,
                p.EditedAt,
                p.DeletedAt,
                EarlierVersions = p.Versions.OrderBy(v => v.WrittenAt).Select(v => new { v.Text, v.WrittenAt, v.ReplacedAt }).ToList(),
            }).ToListAsync(cancellationToken),
        ThreadsStarted = await db.ConversationThreads.Where(t => t.StartedByUserId == user.Id).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.Title, t.CreatedAt }).ToListAsync(cancellationToken),
        Reactions = await db.ConversationReactions.Where(r => r.UserId == user.Id).OrderBy(r => r.CreatedAt)
            .Select(r => new { Kind = r.Kind.ToString(), Post = db.ConversationPosts.Where(p => p.Id == r.PostId).Select(p => p.Thread.Title).FirstOrDefault(), r.CreatedAt })
            .ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.ConversationReactions.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationPosts.Where(p => p.AuthorUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorUserId, (string?)null), cancellationToken);
        await db.ConversationThreads.Where(t => t.StartedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.StartedByUserId, (string?)null), cancellationToken);
        await db.ConversationThreads.Where(t => t.ModeratedByUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ModeratedByUserId, (string?)null), cancellationToken);
    }
}
