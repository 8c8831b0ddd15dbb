using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// Replies by email to a conversation's notifications: the key is the thread's id, and the reply is posted as the
/// person it came from through <see cref="PostReply"/>, with the page's checks (still a member, the thread open).
/// </summary>
public sealed class ConversationReplyTarget(ConversationAccess access, PostReply posts, IStringLocalizer<Strings> strings) : IEmailReplyTarget
{
    public string Kind => ConversationNotices.ReplyKind;

    public async Task<Outcome> ReceiveAsync(EmailReply reply, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(reply.Key, out var threadId) || await access.ForThreadAsync(threadId, reply.UserId, cancellationToken) is not { } space)
        {
            return Outcome.Refused(strings["Conversations.Refused.NotInSpace"]);
        }
        var (outcome, _) = await posts.RunAsync(space, threadId, reply.Text, cancellationToken);
        return outcome;
    }
}
