using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// "Never host alone": someone on a program's team invites a co-facilitator by email. An address with an account is
/// invited in the hub; any other gets an emailed invitation that makes an account in one step. Either way the team
/// reads the same answer, and the person is on the team only once they accept.
/// </summary>
public sealed class InviteCoFacilitator(HubDbContext db, TimeProvider time, SendEmailInvitation emailed, ProgramNotices notices,
    IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(ProgramView view, string inviterId, string? email, CancellationToken cancellationToken = default)
    {
        if (view.Role != ProgramRole.Team)
        {
            return Outcome.Refused(strings["Programs.Refused.OnlyTeamInvitesTeam"]);
        }
        var address = (email ?? "").Trim();
        if (address.Length is 0 or > 320 || !address.Contains('@', StringComparison.Ordinal) || address.Contains(' ', StringComparison.Ordinal))
        {
            return Outcome.Refused(strings["Programs.Refused.CoEmail"], "Email");
        }
        var program = view.Program;
        var inviter = await db.Users.Where(u => u.Id == inviterId).Select(u => new { u.DisplayName, u.NormalizedEmail }).SingleAsync(cancellationToken);
        var normalized = InvitationsFeature.Normalize(address);
        if (normalized == inviter.NormalizedEmail)
        {
            return Outcome.Refused(strings["Programs.Refused.OwnAddress"], "Email");
        }
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        // In the reader's language: an account's own, else the inviter's (the best guess for someone they know).
        string Subject() => strings["Email.Program.Team.Subject", program.Name, inviter.DisplayName];
        string[] Paragraphs() => [strings["Email.Program.Team.Invites", inviter.DisplayName, program.Name], strings["Email.Program.Team.Sees"]];
        if (userId is not null)
        {
            if (userId == program.FacilitatorUserId || await db.ProgramFacilitators.AnyAsync(f => f.ProgramId == program.Id && f.UserId == userId, cancellationToken))
            {
                return Outcome.Done; // invited already: the same answer as for anyone
            }
            db.ProgramFacilitators.Add(new ProgramFacilitator
            {
                Id = Guid.NewGuid(),
                ProgramId = program.Id,
                UserId = userId,
                InvitedByUserId = inviterId,
                InvitedAt = time.GetUtcNow().UtcDateTime,
            });
            await notices.SendAsync([userId], "program.team-invitation", $"/programs/{program.Id}",
                () => new NoticeWords(Subject(), Paragraphs(), strings["Invitation.Action"]), cancellationToken, ProgramNotices.TeamAbout(program.Id));
        }
        else if (!await db.EmailInvitations.AnyAsync(i => i.ProgramId == program.Id && i.To == InvitedTo.ProgramTeam && i.NormalizedEmail == normalized && i.AcceptedAt == null, cancellationToken))
        {
            using var language = RecipientLanguage.OfRequester();
            emailed.Add(new EmailInvitation { To = InvitedTo.ProgramTeam, ProgramId = program.Id }, address, inviterId, Subject(), Paragraphs());
        }
        await db.SaveChangesAsync(cancellationToken);
        emailed.Wake();
        notices.Wake();
        return Outcome.Done;
    }
}
