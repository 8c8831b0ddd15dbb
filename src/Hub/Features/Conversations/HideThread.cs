using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// A congregation's host hides a thread (members no longer see it; hosts do, with the reason) or shows it again.
/// For what should not stand in front of everyone; the words are kept, so hosts can talk it through.
/// </summary>
public sealed class HideThread(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(ConversationSpace space, Guid threadId, bool hide, string reason, CancellationToken cancellationToken = default)
    {
        if (!space.CanHide)
        {
            return Outcome.Refused("Only a congregation's hosts hide a conversation.");
        }
        var thread = await space.Threads(db).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return Outcome.Refused("This conversation is not there any more.");
        }
        if (hide && ConversationLimits.ReasonProblem(reason) is { } problem)
        {
            return Outcome.Refused(problem, "Reason");
        }
        thread.HiddenAt = hide ? time.GetUtcNow().UtcDateTime : null;
        thread.ModeratedByUserId = space.UserId;
        thread.ModerationReason = hide ? reason.Trim() : thread.ClosedAt is null ? null : thread.ModerationReason;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
