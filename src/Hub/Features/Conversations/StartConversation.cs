using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>A member starts a thread in their space with a title and a first post; the others hear of it.</summary>
public sealed class StartConversation(HubDbContext db, TimeProvider time, ConversationNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(ConversationSpace space, string title, string text, CancellationToken cancellationToken = default)
    {
        if (!space.IsMember || space.UserId is null)
        {
            return (Outcome.Refused(strings["Conversations.Refused.OnlyMembersStart", space.MembersIn(strings)]), null);
        }
        List<(string, string)> problems = [];
        if (ConversationLimits.TitleProblem(title, strings) is { } titleProblem)
        {
            problems.Add(("Title", titleProblem));
        }
        if (ConversationLimits.TextProblem(text, strings) is { } textProblem)
        {
            problems.Add(("Text", textProblem));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return (refused, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var thread = new ConversationThread
        {
            Id = Guid.NewGuid(),
            CongregationId = space.Kind == ConversationSpaceKind.Congregation ? space.Id : null,
            CrewId = space.Kind == ConversationSpaceKind.Crew ? space.Id : null,
            DyadId = space.Kind == ConversationSpaceKind.Dyad ? space.Id : null,
            WorkingGroupId = space.Kind == ConversationSpaceKind.WorkingGroup ? space.Id : null,
            ForNetworkHosts = space.Kind == ConversationSpaceKind.NetworkHosts,
            Title = title.Trim(),
            StartedByUserId = space.UserId,
            CreatedAt = now,
            LastPostAt = now,
        };
        var post = new ConversationPost { Id = Guid.NewGuid(), ThreadId = thread.Id, AuthorUserId = space.UserId, Text = text.Trim(), CreatedAt = now };
        db.ConversationThreads.Add(thread);
        db.ConversationPosts.Add(post);
        await notices.PostedAsync(space, thread, post, first: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, thread.Id);
    }
}
