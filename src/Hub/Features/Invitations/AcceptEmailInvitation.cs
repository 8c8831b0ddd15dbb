using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// Reads an emailed invitation to a crew, a dyad or a practice program (a place, or the facilitator team) and turns it into the ordinary one (an invited
/// crew member, a proposed dyad) for the account with the invited address; the person then says
/// yes or no on the crew's or the dyad's page like anyone invited. The link works once.
/// </summary>
public sealed class AcceptEmailInvitation(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
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
        var inviter = await db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? strings["Invitations.TheInviter"].Value;
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
                ? new Details(invitation, state, inviter, strings["Invitations.What.Program", program?.Name ?? ""], program is null ? [] :
                [
                    strings.Plural("Invitations.Program.Place", calls, inviter, program.Name),
                    strings["Invitations.Program.Rooms"],
                ])
                : new Details(invitation, state, inviter, strings["Invitations.What.Facilitate", program?.Name ?? ""], program is null ? [] :
                [
                    strings["Email.Program.Team.Invites", inviter, program.Name],
                    strings["Invitations.Program.TeamSees"],
                ]);
        }
        return invitation.To == InvitedTo.Crew
            ? new Details(invitation, state, inviter, strings["Invitations.What.Crew", crew?.Name ?? ""], crew is null ? [] :
            [
                strings["Invitations.Crew.Invites", inviter, crew.Name],
                .. crew.Purpose == "" ? Array.Empty<string>() : [crew.Purpose],
                strings["Invitations.Crew.Experiment." + crew.Cadence, crew.MeetingsPerTerm, DateFormats.Culture.DateTimeFormat.GetDayName(crew.SlotDay),
                    crew.SlotTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), crew.TimeZone],
            ])
            : new Details(invitation, state, inviter, strings["Invitations.What.Dyad", inviter],
            [
                strings["Invitations.Dyad.Invites", inviter, strings["Dyad.Kind." + invitation.DyadKind], invitation.DyadWeeks],
                .. invitation.DyadIntention == "" ? Array.Empty<string>() : [invitation.DyadIntention],
            ]);
    }

    /// <summary>Accepts for <paramref name="userId"/>; the path of the crew or dyad to answer on.</summary>
    public async Task<(Outcome Outcome, string? Path)> RunAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        var details = await FindAsync(token, cancellationToken);
        if (details is null)
        {
            return (Outcome.Refused(strings["Invitations.Refused.Link"]), null);
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
                InvitationState.Accepted => strings["Invitations.Used"],
                InvitationState.Revoked => strings["Invitations.CrewClosed"],
                _ => strings["Invitations.Expired", details.InviterName],
            }), null);
        }
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (!InvitationsFeature.SameAddress(email, invitation.Email))
        {
            return (Outcome.Refused(InvitationsFeature.ForSomeoneElse(details.InviterName, strings)), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Single use even when the link is opened twice at once: only one update finds it unused.
        var claimed = await db.EmailInvitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return (Outcome.Refused(strings["Invitations.Used"]), null);
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
