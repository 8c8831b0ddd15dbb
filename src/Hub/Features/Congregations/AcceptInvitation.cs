using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations;

public enum InvitationState { Open, Accepted, Expired, Revoked, Unknown }

/// <summary>
/// Reads and accepts an emailed invitation. Only the account with the invited address may accept it
/// (an account made from the link itself has that address); the link works once.
/// </summary>
public sealed class AcceptInvitation(HubDbContext db, TimeProvider time)
{
    public async Task<(InvitationState State, Invitation? Invitation)> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = InviteByEmail.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Congregation)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return (StateOf(invitation), invitation);
    }

    /// <summary>The name of whoever sent the invitation, for "ask …"; a host, if they have left the hub since.</summary>
    public async Task<string> InviterNameAsync(Invitation invitation, CancellationToken cancellationToken = default) =>
        await db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
        ?? $"a host of {invitation.Congregation.Name}";

    /// <summary>True when the account's confirmed address is the invited one: only its owner may accept.</summary>
    public async Task<bool> IsForAsync(Invitation invitation, string userId, CancellationToken cancellationToken = default)
    {
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return Invitations.InvitationsFeature.SameAddress(email, invitation.Email);
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
        // An invitation belongs to the address it was sent to: a forwarded link does not let anyone else in.
        if (!await IsForAsync(invitation, userId, cancellationToken))
        {
            return (Outcome.Refused(Invitations.InvitationsFeature.ForSomeoneElse(await InviterNameAsync(invitation, cancellationToken))), invitation.Congregation.Slug);
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
