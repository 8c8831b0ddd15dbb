using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>What tending a thread can do to it.</summary>
public enum ThreadModeration
{
    /// <summary>It stays readable and takes no new posts; everyone sees the reason.</summary>
    Close,
    Reopen,

    /// <summary>Members no longer see it; hosts do, with the reason. The words are kept, so hosts can talk it through.</summary>
    Hide,
    Show,
}

/// <summary>
/// Closes or reopens a thread, hides or shows it, with a reason for closing and hiding. Closing is for a
/// congregation's hosts, and in a crew or a pair for any member (<see cref="ConversationSpace.CanClose"/>); hiding
/// is for a congregation's hosts alone (<see cref="ConversationSpace.CanHide"/>).
/// </summary>
public sealed class ModerateThread(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(ConversationSpace space, Guid threadId, ThreadModeration moderation, string reason, CancellationToken cancellationToken = default)
    {
        var hiding = moderation is ThreadModeration.Hide or ThreadModeration.Show;
        if (hiding ? !space.CanHide : !space.CanClose)
        {
            return Outcome.Refused(strings[hiding ? "Conversations.Refused.OnlyHostsHide" : "Conversations.Refused.OnlyHostsClose"]);
        }
        var thread = await space.Threads(db).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return Outcome.Refused(strings["Conversations.Refused.Gone"]);
        }
        var needsReason = moderation is ThreadModeration.Close or ThreadModeration.Hide;
        if (needsReason && ConversationLimits.ReasonProblem(reason, strings) is { } problem)
        {
            return Outcome.Refused(problem, "Reason");
        }
        var now = time.GetUtcNow().UtcDateTime;
        switch (moderation)
        {
            case ThreadModeration.Close or ThreadModeration.Reopen:
                thread.ClosedAt = needsReason ? now : null;
                break;
            default:
                thread.HiddenAt = needsReason ? now : null;
                break;
        }
        thread.ModeratedByUserId = space.UserId;
        // Showing a thread again keeps the reason it was closed for, if it still is.
        thread.ModerationReason = needsReason ? reason.Trim()
            : moderation == ThreadModeration.Show && thread.ClosedAt is not null ? thread.ModerationReason : null;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
