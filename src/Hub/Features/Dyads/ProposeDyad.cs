using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.People;

namespace Microsolidarity.Hub.Features.Dyads;

/// <summary>
/// One person proposes a pair to another, who is free to say no. An address without an account gets
/// an emailed invitation to make one; the dyad exists once they have (<see cref="AcceptEmailInvitation"/>).
/// </summary>
public sealed class ProposeDyad(HubDbContext db, TimeProvider time, Notifier notifier, EmailTemplates templates, Accounts.AccountLinks links, SendEmailInvitation invitations,
    IStringLocalizer<Strings> strings)
{
    public Task<(Outcome Outcome, Guid? Id)> RunAsync(string me, string partnerEmail, DyadKind kind, int weeks, string intention, CancellationToken cancellationToken = default) =>
        RunAsync(me, new PeopleToPick.Choice(null, partnerEmail, partnerEmail.Trim()), kind, weeks, intention, cancellationToken);

    /// <summary>To someone picked from the people one shares a congregation with (by id), or to an address typed.</summary>
    public async Task<(Outcome Outcome, Guid? Id)> RunAsync(string me, PeopleToPick.Choice choice, DyadKind kind, int weeks, string intention, CancellationToken cancellationToken = default)
    {
        if (weeks is < 1 or > 52)
        {
            return (Outcome.Refused(strings["Dyads.Ops.Weeks"], "Weeks"), null);
        }
        var email = (choice.Email ?? "").Trim();
        if (choice.UserId is { } picked)
        {
            email = await db.Users.Where(u => u.Id == picked).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? "";
            if (email == "")
            {
                return (Outcome.Refused(PeopleToPick.Refusal(strings, choice.Shown), "PartnerEmail"), null);
            }
        }
        else if (!new EmailAddressAttribute().IsValid(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            return (Outcome.Refused(strings["Validation.EmailFormatSignUp"], "PartnerEmail"), null);
        }
        var mine = await db.Users.Where(u => u.Id == me).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        if (InvitationsFeature.SameAddress(email, mine.Email))
        {
            return (Outcome.Refused(strings["Dyads.Ops.Self"], "PartnerEmail"), null);
        }
        // The proposer is answered the same whether the address has an account or not, and the
        // answers name the address as typed, never a person: the form cannot tell who is on the hub.
        var normalized = InvitationsFeature.Normalize(email);
        var partner = await db.Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var open = partner is null
            ? await db.EmailInvitations.AnyAsync(i => i.To == InvitedTo.Dyad && i.InvitedByUserId == me && i.NormalizedEmail == normalized
                && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken)
            : await db.Dyads.AnyAsync(d => (d.Status == DyadStatus.Proposed || d.Status == DyadStatus.Active)
                && ((d.ProposerUserId == me && d.PartnerUserId == partner.Id) || (d.ProposerUserId == partner.Id && d.PartnerUserId == me)), cancellationToken);
        if (open)
        {
            return (Outcome.Refused(strings["Dyads.Ops.Already", choice.Shown], "PartnerEmail"), null);
        }
        var myName = mine.DisplayName;
        // In the partner's language; an address with no account has none, and the proposer's is the best guess.
        using var language = partner is null ? RecipientLanguage.OfRequester() : RecipientLanguage.Of(partner.Language);
        var kindName = strings[$"Dyad.Kind.{kind}"];
        string subject = strings["Email.Dyad.Proposal.Subject", myName, kindName];
        string[] paragraphs =
        [
            strings.Plural("Email.Dyad.Proposal.Weeks", weeks, myName, kindName),
            strings["Crew.Invite.Free"],
        ];
        if (partner is null)
        {
            invitations.Add(new EmailInvitation { To = InvitedTo.Dyad, DyadKind = kind, DyadWeeks = weeks, DyadIntention = intention.Trim() },
                email, me, subject, paragraphs);
            await db.SaveChangesAsync(cancellationToken);
            invitations.Wake();
            return (Outcome.Done, null);
        }
        var dyad = new Dyad
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            ProposerUserId = me,
            PartnerUserId = partner.Id,
            Intention = intention.Trim(),
            TermWeeks = weeks,
            Status = DyadStatus.Proposed,
            ProposedAt = now,
        };
        db.Dyads.Add(dyad);
        await notifier.NotifyAsync(new Notice(partner.Id, "dyad.proposal", subject, $"/dyads/{dyad.Id}",
            templates.Compose(partner.Email!, partner.DisplayName, subject, paragraphs,
                (strings["Email.Dyad.Proposal.Action"], links.Absolute($"/dyads/{dyad.Id}", new Dictionary<string, string?>()))))
        { About = TendDyad.ProposalAbout(dyad.Id) }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Wake();
        return (Outcome.Done, dyad.Id);
    }
}
