using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>Someone invited to a program's facilitator team accepts (they are on it) or declines (the invitation goes).</summary>
public sealed class AnswerTeamInvitation(HubDbContext db, TimeProvider time, ProgramNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(Guid programId, string userId, bool accept, CancellationToken cancellationToken = default)
    {
        var invitation = await db.ProgramFacilitators.SingleOrDefaultAsync(f => f.ProgramId == programId && f.UserId == userId && f.AcceptedAt == null, cancellationToken);
        if (invitation is null)
        {
            return Outcome.Refused(strings["Programs.Refused.NoTeamInvitation"]);
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
