using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// Closes a thread (it stays readable, takes no new posts) or opens it again, with a reason everyone sees. A
/// congregation's hosts do this; in a crew or a pair any member (see <see cref="ConversationSpace.CanClose"/>).
/// </summary>
public sealed class CloseThread(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(ConversationSpace space, Guid threadId, bool close, string reason, CancellationToken cancellationToken = default)
    {
        if (!space.CanClose)
        {
            return Outcome.Refused("Only the hosts close or reopen a conversation here.");
        }
        var thread = await space.Threads(db).SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return Outcome.Refused("This conversation is not there any more.");
        }
        if (close && ConversationLimits.ReasonProblem(reason) is { } problem)
        {
            return Outcome.Refused(problem, "Reason");
        }
        thread.ClosedAt = close ? time.GetUtcNow().UtcDateTime : null;
        thread.ModeratedByUserId = space.UserId;
        thread.ModerationReason = close ? reason.Trim() : null;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
