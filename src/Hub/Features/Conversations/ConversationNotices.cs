using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// Tells a space's members of a new post, inside the caller's unit of work. One notice per post and person, under
/// the topic "conversations", so each person's choice (at once, daily digest, hub only) applies; someone mentioned
/// gets a "mentioned you" notice instead of the plain one. The emails of one thread carry the same thread ids per
/// recipient, so a mail client shows them as one conversation, and a reply address when the hub has a mailbox.
/// </summary>
public sealed class ConversationNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address, IEmailReplyAddresses replies,
    IStringLocalizer<Strings> strings)
{
    public const string Topic = "conversations";
    public const string PostKind = Topic + ".post", MentionKind = Topic + ".mention";

    /// <summary>The kind of reply the inbound mailbox hands back (<see cref="IEmailReplyTarget.Kind"/>).</summary>
    public const string ReplyKind = "conversation";

    public async Task PostedAsync(ConversationSpace space, ConversationThread thread, ConversationPost post, bool first, CancellationToken cancellationToken)
    {
        var members = await space.MembersAsync(db, cancellationToken);
        var mentioned = ConversationMentions.Find(post.Text, members);
        var recipients = members.Where(m => m.UserId != post.AuthorUserId).Select(m => m.UserId).ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        var authorName = members.FirstOrDefault(m => m.UserId == post.AuthorUserId).Name;
        var people = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToListAsync(cancellationToken);
        var path = $"{space.PathOf(thread.Id)}#post-{post.Id:N}";
        var excerpt = Excerpt(post.Text);
        var notices = new List<Notice>();
        foreach (var person in people)
        {
            // The post stays as its author wrote it; the words around it are in the recipient's language.
            using var language = RecipientLanguage.Of(person.Language);
            var author = authorName ?? strings["Conversation.Someone"];
            // The network's hosts' space is named in the hub's words, so in the recipient's language too.
            var spaceName = space.Kind == ConversationSpaceKind.NetworkHosts ? strings["Conversation.NetworkHosts"].Value : space.Name;
            var mention = mentioned.Contains(person.Id);
            var title = mention ? strings["Conversation.Title.Mention", author, thread.Title]
                : first ? strings["Conversation.Title.Started", author, spaceName, thread.Title]
                : strings["Conversation.Title.Replied", author, thread.Title];
            var replyTo = replies.AddressFor(ReplyKind, thread.Id.ToString(), person.Id);
            List<string> paragraphs =
            [
                mention ? strings["Conversation.Lead.Mention", author, thread.Title, spaceName]
                    : first ? strings["Conversation.Lead.Started", author, spaceName, thread.Title] : strings["Conversation.Lead.Replied", author, thread.Title, spaceName],
                excerpt,
                replyTo is null ? strings["Conversation.ReplyOnHub"] : strings["Conversation.ReplyByEmail"],
            ];
            // Per recipient: the thread's root id (the first post's message), and this post's own message id.
            var root = RootId(thread.Id, person.Id);
            var email = templates.Compose(person.Email!, person.DisplayName, first ? $"{thread.Title} · {spaceName}" : $"Re: {thread.Title} · {spaceName}",
                paragraphs, (strings["Conversation.Action"], address.Absolute(path)),
                strings["Conversation.Footer", spaceName]);
            email = email with
            {
                Threading = first ? new EmailThreading(replyTo, root)
                    : new EmailThreading(replyTo, $"conversation.{thread.Id:N}.{post.Id:N}.{Safe(person.Id)}", root, [root]),
            };
            notices.Add(new Notice(person.Id, mention ? MentionKind : PostKind, title, path, email));
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
    }

    public void Wake() => notifier.Wake();

    /// <summary>The first post's message id for one recipient: every later email of the thread refers to it.</summary>
    public static string RootId(Guid threadId, string userId) => $"conversation.{threadId:N}.{Safe(userId)}";

    /// <summary>A recipient's part of a message id: a digest of their id, so headers never carry the account's own id.</summary>
    private static string Safe(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];

    private static string Excerpt(string markdown)
    {
        var text = Updates.UpdatesMarkdown.ToText(markdown);
        return text.Length <= 1200 ? text : text[..1200].TrimEnd() + "…";
    }
}
