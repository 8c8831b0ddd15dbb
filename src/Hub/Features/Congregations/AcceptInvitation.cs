using Microsolidarity.Hub.Platform;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;

namespace Microsolidarity.Hub.Features.Congregations;

public enum InvitationState { Open, Accepted, Expired, Revoked, Unknown }

/// <summary>Reads and accepts an emailed invitation. A link works once: the first to accept it uses it up.</summary>
public sealed class AcceptInvitation(HubDbContext db, TimeProvider time)
{
    public async Task<(InvitationState State, Invitation? Invitation)> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = InviteByEmail.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Congregation)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return (StateOf(invitation), invitation);
    }

    public async Task<(Outcome Outcome, string? Slug)> RunAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        var (state, invitation) = await FindAsync(token, cancellationToken);
        if (invitation is null || state != InvitationState.Open)
        {
            return (Outcome.Refused(state switch
            {
                InvitationState.Accepted => "This invitation was used already.",
                InvitationState.Expired => "This invitation has expired. Ask the person who invited you for a new one.",
                InvitationState.Revoked => "This invitation was withdrawn.",
                _ => "This invitation link does not work. Copy the whole address from the email.",
            }), invitation?.Congregation.Slug);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Single use even when two people open the same link at once: only one update finds it unused.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return (Outcome.Refused("This invitation was used already."), invitation.Congregation.Slug);
        }
        var added = await JoinCongregation.AddMemberAsync(db, invitation.CongregationId, userId, now, cancellationToken);
        if (!added)
        {
            return (Outcome.Refused("You are a member already; the invitation stays unused."), invitation.Congregation.Slug);
        }
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Done, invitation.Congregation.Slug);
    }

    private InvitationState StateOf(Invitation? invitation) => invitation switch
    {
        null => InvitationState.Unknown,
        { AcceptedAt: not null } => InvitationState.Accepted,
        { RevokedAt: not null } => InvitationState.Revoked,
        _ when invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime => InvitationState.Expired,
        _ => InvitationState.Open,
    };
}
