using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Withdraws an invitation that has not been used yet.</summary>
public sealed class RevokeInvitation(HubDbContext db, TimeProvider time, Notifier notifier, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid invitationId, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CongregationId == view.Congregation.Id, cancellationToken);
        if (invitation is null || !(view.IsHost || invitation.InvitedByUserId == view.UserId))
        {
            return Outcome.Refused(strings["Congregations.Refused.RevokeNotYours"]);
        }
        if (invitation.AcceptedAt is not null)
        {
            return Outcome.Refused(strings["Congregations.Refused.InvitationAccepted"]);
        }
        invitation.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await notifier.ResolveAsync(AcceptInvitation.About(invitation.Id), null, cancellationToken); // nothing left to answer
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
