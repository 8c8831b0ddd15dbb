using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Dyads;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// Reads an emailed invitation to a crew, a dyad or a practice program (a place, or the facilitator team) and turns it into the ordinary one (an invited
/// crew member, a proposed dyad) for the account with the invited address; the person then says
/// yes or no on the crew's or the dyad's page like anyone invited. The link works once.
/// </summary>
public sealed class AcceptEmailInvitation(HubDbContext db, TimeProvider time)
{
    /// <summary>What the page shows: the invitation, who sent it and what it is to.</summary>
    public sealed record Details(EmailInvitation Invitation, InvitationState State, string InviterName, string What, IReadOnlyList<string> Lines);

    public async Task<Details?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = InviteByEmail.Hash(token);
        var invitation = await db.EmailInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return null;
        }
        var inviter = await db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "the person who invited you";
        var crew = invitation.CrewId is { } crewId ? await db.Crews.AsNoTracking().SingleOrDefaultAsync(c => c.Id == crewId, cancellationToken) : null;
        var program = invitation.ProgramId is { } programId
            ? await db.PracticePrograms.AsNoTracking().Where(p => p.Id == programId).Select(p => new { p.Name, p.CallSizes }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var state = invitation switch
        {
            { AcceptedAt: not null } => InvitationState.Accepted,
            { To: InvitedTo.Crew } when crew is null || crew.Stage == CrewStage.Disbanded => InvitationState.Revoked,
            { To: InvitedTo.Program or InvitedTo.ProgramTeam } when program is null => InvitationState.Revoked,
            _ when invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime => InvitationState.Expired,
            _ => InvitationState.Open,
        };
        if (invitation.To is InvitedTo.Program or InvitedTo.ProgramTeam)
        {
            var calls = program?.CallSizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
            return invitation.To == InvitedTo.Program
                ? new Details(invitation, state, inviter, $"the practice program “{program?.Name}”", program is null ? [] :
                [
                    $"{inviter} invites you to a place in the practice program “{program.Name}”: {calls} {(calls == 1 ? "call" : "calls")} whose breakout rooms climb from pairs to the full circle.",
                    "Once you have an account, the program's page shows your room for each call and the names of the people in it.",
                ])
                : new Details(invitation, state, inviter, $"facilitate “{program?.Name}”", program is null ? [] :
                [
                    $"{inviter} invites you to facilitate the practice program “{program.Name}” with them, so that nobody hosts alone.",
                    "The facilitator team sees every call's breakout rooms, downloads the Zoom files and starts each call together.",
                ]);
        }
        return invitation.To == InvitedTo.Crew
            ? new Details(invitation, state, inviter, $"the crew “{crew?.Name}”", crew is null ? [] :
            [
                $"{inviter} invites you to the crew “{crew.Name}”.",
                .. crew.Purpose == "" ? Array.Empty<string>() : [crew.Purpose],
                $"It is an experiment: {crew.MeetingsPerTerm} meetings, {(crew.Cadence switch { CrewCadence.Weekly => "weekly", CrewCadence.Fortnightly => "every two weeks", _ => "once a month" })}, on {crew.SlotDay}s at {crew.SlotTime:HH\\:mm} ({crew.TimeZone}). At the end, everyone decides privately whether to go on.",
            ])
            : new Details(invitation, state, inviter, $"a dyad with {inviter}",
            [
                $"{inviter} would like to pair with you for {DyadsFeature.KindName(invitation.DyadKind)}, for {invitation.DyadWeeks} weeks, with check-ins only the two of you see.",
                .. invitation.DyadIntention == "" ? Array.Empty<string>() : [invitation.DyadIntention],
            ]);
    }

    /// <summary>Accepts for <paramref name="userId"/>; the path of the crew or dyad to answer on.</summary>
    public async Task<(Outcome Outcome, string? Path)> RunAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        var details = await FindAsync(token, cancellationToken);
        if (details is null)
        {
            return (Outcome.Refused("This invitation link does not work. Copy the whole address from the email."), null);
        }
        var invitation = details.Invitation;
        if (details.State == InvitationState.Accepted && invitation.AcceptedByUserId == userId)
        {
            return (Outcome.Done, await PathAsync(invitation, userId, cancellationToken));
        }
        if (details.State != InvitationState.Open)
        {
            return (Outcome.Refused(details.State switch
            {
                InvitationState.Accepted => "This invitation was used already.",
                InvitationState.Revoked => "This crew has closed since. New crews form at every gathering.",
                _ => $"This invitation has expired. Ask {details.InviterName} for a new one.",
            }), null);
        }
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (!InvitationsFeature.SameAddress(email, invitation.Email))
        {
            return (Outcome.Refused(InvitationsFeature.ForSomeoneElse(details.InviterName)), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Single use even when the link is opened twice at once: only one update finds it unused.
        var claimed = await db.EmailInvitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return (Outcome.Refused("This invitation was used already."), null);
        }
        if (invitation.To == InvitedTo.Program)
        {
            // The place listed for this address becomes the account's: its rooms show on the program's page.
            var normalized = invitation.NormalizedEmail;
            var places = await db.PracticeParticipants.Where(p => p.ProgramId == invitation.ProgramId && p.UserId == null).ToListAsync(cancellationToken);
            foreach (var place in places.Where(p => InvitationsFeature.Normalize(p.Email) == normalized))
            {
                place.UserId = userId;
            }
        }
        else if (invitation.To == InvitedTo.ProgramTeam)
        {
            if (!await db.ProgramFacilitators.AnyAsync(f => f.ProgramId == invitation.ProgramId && f.UserId == userId, cancellationToken))
            {
                db.ProgramFacilitators.Add(new Data.Formation.ProgramFacilitator
                {
                    Id = Guid.NewGuid(),
                    ProgramId = invitation.ProgramId!.Value,
                    UserId = userId,
                    InvitedByUserId = invitation.InvitedByUserId,
                    InvitedAt = invitation.CreatedAt,
                });
            }
        }
        else if (invitation.To == InvitedTo.Crew)
        {
            var existing = await db.CrewMembers.SingleOrDefaultAsync(m => m.CrewId == invitation.CrewId && m.UserId == userId, cancellationToken);
            if (existing is null)
            {
                db.CrewMembers.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = invitation.CrewId!.Value, UserId = userId, Status = CrewMemberStatus.Invited, InvitedAt = invitation.CreatedAt });
            }
            else if (existing.Status is not (CrewMemberStatus.Joined or CrewMemberStatus.Invited))
            {
                existing.Status = CrewMemberStatus.Invited;
                existing.InvitedAt = invitation.CreatedAt;
            }
        }
        else if (!await OpenDyads(invitation.InvitedByUserId, userId).AnyAsync(cancellationToken) && invitation.InvitedByUserId != userId)
        {
            db.Dyads.Add(new Dyad
            {
                Id = Guid.NewGuid(),
                Kind = invitation.DyadKind,
                ProposerUserId = invitation.InvitedByUserId,
                PartnerUserId = userId,
                Intention = invitation.DyadIntention,
                TermWeeks = invitation.DyadWeeks,
                Status = DyadStatus.Proposed,
                ProposedAt = invitation.CreatedAt,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Done, await PathAsync(invitation, userId, cancellationToken));
    }

    private IQueryable<Dyad> OpenDyads(string a, string b) => db.Dyads.Where(d => (d.Status == DyadStatus.Proposed || d.Status == DyadStatus.Active)
        && ((d.ProposerUserId == a && d.PartnerUserId == b) || (d.ProposerUserId == b && d.PartnerUserId == a)));

    private async Task<string> PathAsync(EmailInvitation invitation, string userId, CancellationToken cancellationToken)
    {
        if (invitation.To == InvitedTo.Crew)
        {
            return $"/crews/{invitation.CrewId}";
        }
        if (invitation.To is InvitedTo.Program or InvitedTo.ProgramTeam)
        {
            return $"/programs/{invitation.ProgramId}";
        }
        var dyad = await OpenDyads(invitation.InvitedByUserId, userId).OrderByDescending(d => d.ProposedAt).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return dyad is { } id ? $"/dyads/{id}" : "/dyads";
    }
}
