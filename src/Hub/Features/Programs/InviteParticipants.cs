using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// Offers each listed participant not yet invited their place in the program, by email: an address with an account
/// is given the place and told in the hub (their rooms are then on the program's page); any other address gets an
/// emailed invitation whose link makes an account in one step (<see cref="SendEmailInvitation"/>). The team is told
/// the same either way, so the answer never says whether an address has an account.
/// </summary>
public sealed class InviteParticipants(HubDbContext db, TimeProvider time, SendEmailInvitation emailed, ProgramNotices notices,
    IStringLocalizer<Strings> strings)
{
    public async Task<(Outcome Outcome, int Invited)> RunAsync(ProgramView view, string inviterId, CancellationToken cancellationToken = default)
    {
        if (view.Role != ProgramRole.Team)
        {
            return (Outcome.Refused(strings["Programs.Refused.OnlyTeamInvites"]), 0);
        }
        var program = view.Program;
        var waiting = await db.PracticeParticipants.Where(p => p.ProgramId == program.Id && p.InvitedAt == null && p.UserId == null && !p.Left)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return (Outcome.Refused(strings["Programs.Refused.AllInvited"]), 0);
        }
        var inviter = await db.Users.Where(u => u.Id == inviterId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var normalized = waiting.Select(p => InvitationsFeature.Normalize(p.Email)).ToList();
        var accounts = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var told = new List<string>();
        foreach (var person in waiting)
        {
            person.InvitedAt = now;
            var account = accounts.FirstOrDefault(a => a.NormalizedEmail == InvitationsFeature.Normalize(person.Email));
            if (account is not null)
            {
                person.UserId = account.Id;
                told.Add(account.Id);
            }
            else
            {
                // No account, so no language of their own: the inviter's is the best guess.
                using var language = RecipientLanguage.OfRequester();
                emailed.Add(new EmailInvitation { To = InvitedTo.Program, ProgramId = program.Id }, person.Email, inviterId,
                    strings["Email.Program.Invite.Subject", inviter, program.Name],
                    [strings.Plural("Email.Program.Invite.Text", view.Rooms.Length, inviter, program.Name), strings["Email.Program.Invite.Rooms"]]);
            }
        }
        // Each person with an account reads it in their own language; the program's name is the team's own.
        await notices.SendAsync(told, "program.place", $"/programs/{program.Id}", () => new NoticeWords(
            strings["Email.Program.Place.Subject", program.Name],
            [strings.Plural("Email.Program.Place.Text", view.Rooms.Length, inviter, program.Name), strings["Email.Program.Place.Rooms"]],
            strings["Email.Program.Place.Action"]), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        emailed.Wake();
        notices.Wake();
        return (Outcome.Done, waiting.Count);
    }
}
