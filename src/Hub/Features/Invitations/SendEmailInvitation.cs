using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Invitations;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// Invites an address that has no account: stores the invitation with a hash of a fresh token and
/// queues the email whose link lets the person make an account with that address and then answer.
/// The caller saves both in its own transaction, so the inviter's answer does not depend on which
/// kind of address it was.
/// </summary>
public sealed class SendEmailInvitation(HubDbContext db, TimeProvider time, EmailOutbox outbox, EmailTemplates templates, AccountLinks links)
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
        outbox.Enqueue(templates.Compose(invitation.Email, "", subject,
            [
                .. paragraphs,
                $"You do not have an account on this hub yet. The link below lets you make one with this address and then see the invitation. It works once, until {invitation.ExpiresAt:d MMMM yyyy}.",
            ],
            ("See the invitation", links.Absolute($"/invitations/{token}", new Dictionary<string, string?>())),
            footer: "You receive this because someone on the hub entered your address. If you do not want it, simply ignore this message."));
    }

    /// <summary>Sends what <see cref="Add"/> queued, once the caller has saved.</summary>
    public void Wake() => outbox.Wake();
}
