using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.People;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Between terms (or while forming) any member may invite someone, so a crew that continues smaller
/// can grow again. An address without an account gets an emailed invitation to make one
/// (<see cref="SendEmailInvitation"/>). Places are still limited to six when people accept.
/// </summary>
public sealed class InviteToCrew(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, Accounts.AccountLinks links, SendEmailInvitation invitations,
    IStringLocalizer<Strings> strings)
{
    public Task<Outcome> RunAsync(CrewView view, string email, CancellationToken cancellationToken = default) =>
        RunAsync(view, new PeopleToPick.Choice(null, email, email.Trim()), cancellationToken);

    /// <summary>Someone picked from the member's fellow members (by id), or an address typed.</summary>
    public async Task<Outcome> RunAsync(CrewView view, PeopleToPick.Choice choice, CancellationToken cancellationToken = default)
    {
        if (!view.IsJoined || view.Crew.Stage != CrewStage.Forming)
        {
            return Outcome.Refused(strings["Crews.Ops.InviteWhenForming"]);
        }
        if (view.Joined.Count + view.OpenInvitations >= CrewsFeature.MaxSize)
        {
            return Outcome.Refused(strings["Crews.Ops.InviteTooMany", CrewsFeature.MaxSize], "InviteEmail");
        }
        var email = (choice.Email ?? "").Trim();
        if (choice.UserId is { } picked)
        {
            // Picked by name from the people the member shares a congregation with: reached through
            // their account, and named as picked (their address is never shown).
            email = await db.Users.Where(u => u.Id == picked).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? "";
            if (email == "")
            {
                return Outcome.Refused(PeopleToPick.Refusal(strings, choice.Shown), "InviteEmail");
            }
        }
        else if (!new EmailAddressAttribute().IsValid(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            return Outcome.Refused(strings["Validation.EmailFormatSignUp"], "InviteEmail");
        }
        // The answer is the same whether the address has an account or not (it names the address as
        // typed, never a person), so the form cannot be used to learn who is on the hub.
        var normalized = InvitationsFeature.Normalize(email);
        var person = await db.Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        var existing = person is null ? null : await db.CrewMembers.SingleOrDefaultAsync(m => m.CrewId == view.Crew.Id && m.UserId == person.Id, cancellationToken);
        var invitedByEmail = await db.EmailInvitations.AnyAsync(i => i.CrewId == view.Crew.Id && i.NormalizedEmail == normalized
            && i.AcceptedAt == null && i.ExpiresAt > view.Now, cancellationToken);
        if (existing?.Status is CrewMemberStatus.Joined or CrewMemberStatus.Invited || invitedByEmail)
        {
            return Outcome.Refused(strings["Crews.Ops.InvitedAlready", choice.Shown], "InviteEmail");
        }
        var inviter = view.NameOf(view.Me.UserId);
        // In the invited person's language; an address with no account has none, and the inviter's is the best guess.
        using var language = person is null ? RecipientLanguage.OfRequester() : RecipientLanguage.Of(person.Language);
        string subject = strings["Crew.Invite.Subject", inviter, view.Crew.Name];
        string[] paragraphs = [strings["Crew.Invite.Join", inviter, view.Crew.Name], strings["Crew.Invite.Free"]];
        if (person is null)
        {
            invitations.Add(new EmailInvitation { To = InvitedTo.Crew, CrewId = view.Crew.Id }, email, view.Me.UserId, subject, paragraphs);
            await db.SaveChangesAsync(cancellationToken);
            invitations.Wake();
            return Outcome.Done;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            db.CrewMembers.Add(new CrewMember { Id = Guid.NewGuid(), CrewId = view.Crew.Id, UserId = person.Id, Status = CrewMemberStatus.Invited, InvitedAt = now });
        }
        else
        {
            existing.Status = CrewMemberStatus.Invited;
            existing.InvitedAt = now;
        }
        await notifier.NotifyAsync(new Notice(person.Id, "crew.invitation", subject, $"/crews/{view.Crew.Id}",
            templates.Compose(person.Email!, person.DisplayName, subject, paragraphs,
                (strings["Invitation.Action"], links.Absolute($"/crews/{view.Crew.Id}", new Dictionary<string, string?>()))))
        { About = RespondToCrewInvitation.About(view.Crew.Id) }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return Outcome.Done;
    }
}
