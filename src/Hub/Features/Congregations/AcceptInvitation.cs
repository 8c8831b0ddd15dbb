using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

public enum InvitationState { Open, Accepted, Expired, Revoked, Unknown }

/// <summary>
/// Reads and accepts an emailed invitation. Only the account with the invited address may accept it
/// (an account made from the link itself has that address); the link works once. Someone signed in with
/// that address may also accept it from their home page, without the link.
/// </summary>
public sealed class AcceptInvitation(HubDbContext db, TimeProvider time, Notifier notifier, IStringLocalizer<Strings> strings)
{
    /// <summary>What the in-hub notice of an invitation is about, so that accepting (or withdrawing) marks it done.</summary>
    public static string About(Guid invitationId) => $"congregation-invitation:{invitationId}";

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
        return await AcceptAsync(state, invitation, userId, cancellationToken);
    }

    /// <summary>From the invited person's home page: the invitation by its id, for the account with its address only.</summary>
    public async Task<(Outcome Outcome, string? Slug)> RunForAsync(Guid invitationId, string userId, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Congregation).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is not null && !await IsForAsync(invitation, userId, cancellationToken))
        {
            invitation = null; // someone else's invitation does not exist for this person
        }
        return await AcceptAsync(StateOf(invitation), invitation, userId, cancellationToken);
    }

    private async Task<(Outcome Outcome, string? Slug)> AcceptAsync(InvitationState state, Invitation? invitation, string userId, CancellationToken cancellationToken)
    {
        if (invitation is null || state != InvitationState.Open)
        {
            return (Outcome.Refused(state switch
            {
                InvitationState.Accepted => strings["Congregations.Invitation.Used"],
                InvitationState.Expired => strings["Congregations.Invitation.Expired"],
                InvitationState.Revoked => strings["Congregations.Invitation.Withdrawn"],
                _ => strings["Congregations.Invitation.LinkBroken"],
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
            return (Outcome.Refused(strings["Congregations.Invitation.Used"]), invitation.Congregation.Slug);
        }
        var added = await JoinCongregation.AddMemberAsync(db, invitation.CongregationId, userId, now, cancellationToken);
        if (!added)
        {
            return (Outcome.Refused(strings["Congregations.Refused.MemberInvitationUnused"]), invitation.Congregation.Slug);
        }
        await notifier.ResolveAsync(About(invitation.Id), userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
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
