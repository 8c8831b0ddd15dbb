using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>Someone invited to a program's facilitator team accepts (they are on it) or declines (the invitation goes).</summary>
public sealed class AnswerTeamInvitation(HubDbContext db, TimeProvider time, ProgramNotices notices)
{
    public async Task<Outcome> RunAsync(Guid programId, string userId, bool accept, CancellationToken cancellationToken = default)
    {
        var invitation = await db.ProgramFacilitators.SingleOrDefaultAsync(f => f.ProgramId == programId && f.UserId == userId && f.AcceptedAt == null, cancellationToken);
        if (invitation is null)
        {
            return Outcome.Refused("There is no invitation to this program's team waiting for you.");
        }
        if (accept)
        {
            invitation.AcceptedAt = time.GetUtcNow().UtcDateTime;
        }
        else
        {
            db.ProgramFacilitators.Remove(invitation);
        }
        await notices.ResolveAsync(ProgramNotices.TeamAbout(programId), userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
