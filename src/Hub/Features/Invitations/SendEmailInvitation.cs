using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// Invites an address that has no account: stores the invitation with a hash of a fresh token and
/// queues the email whose link lets the person make an account with that address and then answer.
/// The caller saves both in its own transaction, so the inviter's answer does not depend on which
/// kind of address it was.
/// </summary>
public sealed class SendEmailInvitation(HubDbContext db, TimeProvider time, EmailOutbox outbox, EmailTemplates templates, AccountLinks links,
    IStringLocalizer<Strings> strings)
{
    /// <param name="invitation">What the invitation is to (<see cref="EmailInvitation.To"/>, the crew or the dyad's terms).</param>
    /// <param name="paragraphs">What the person is invited to, in the words a member with an account would read.</param>
    public void Add(EmailInvitation invitation, string email, string inviterId, string subject, IReadOnlyList<string> paragraphs)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = InviteByEmail.NewToken();
        invitation.Id = Guid.NewGuid();
        invitation.Email = email.Trim();
        invitation.NormalizedEmail = InvitationsFeature.Normalize(email);
        invitation.TokenHash = InviteByEmail.Hash(token);
        invitation.InvitedByUserId = inviterId;
        invitation.CreatedAt = now;
        invitation.ExpiresAt = now + InvitationsFeature.Lifetime;
        db.EmailInvitations.Add(invitation);
        // The caller wrote the paragraphs in a RecipientLanguage scope (the inviter's language, the best guess for an
        // address with no account); a caller that did not is in English throughout, never half and half.
        using var language = RecipientLanguage.Current is null ? RecipientLanguage.Of(null) : default;
        outbox.Enqueue(templates.Compose(invitation.Email, "", subject,
            [.. paragraphs, strings["Invitation.NoAccount", DateFormats.Format(invitation.ExpiresAt, "d MMMM yyyy")]],
            (strings["Invitation.Action"], links.Absolute($"/invitations/{token}", new Dictionary<string, string?>())),
            footer: strings["Invitation.Footer"]));
    }

    /// <summary>Sends what <see cref="Add"/> queued, once the caller has saved.</summary>
    public void Wake() => outbox.Wake();
}
