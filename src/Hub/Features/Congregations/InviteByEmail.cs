using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts and Partners invite by email: a single-use link that expires and can be revoked. When the address
/// belongs to a confirmed account, the invitation is also a notice in the hub (the email follows the
/// person's choice), and the person can accept it from their home page; the inviter is answered the same either way.
/// </summary>
public sealed class InviteByEmail(HubDbContext db, TimeProvider time, EmailOutbox outbox, CongregationEmails emails, Notifier notifier, IStringLocalizer<Strings> strings)
{
    /// <param name="shown">How the inviter named the person (a name picked from their fellow members); the address by default.</param>
    public async Task<Outcome> RunAsync(CongregationView view, string email, string message, string? shown = null, CancellationToken cancellationToken = default)
    {
        if (!view.CanInvite)
        {
            return Outcome.Refused(strings["Congregations.Refused.MayNotInvite"]);
        }
        email = email.Trim();
        if (!new EmailAddressAttribute().IsValid(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            return Outcome.Refused(strings["Validation.EmailFormat"], "Email");
        }
        var normalized = email.ToUpperInvariant();
        var alreadyMember = await db.Memberships.AnyAsync(m => m.CongregationId == view.Congregation.Id
            && m.User.NormalizedEmail == normalized, cancellationToken);
        if (alreadyMember)
        {
            return Outcome.Refused($"{shown ?? email} is a member already.", "Email");
        }
        var now = time.GetUtcNow().UtcDateTime;
        // A new invitation replaces an open one to the same address, so only the newest link works.
        var open = await db.Invitations.Where(i => i.CongregationId == view.Congregation.Id && i.Email == email
            && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var replaced in open)
        {
            replaced.RevokedAt = now;
            await notifier.ResolveAsync(AcceptInvitation.About(replaced.Id), null, cancellationToken);
        }

        var token = NewToken();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            CongregationId = view.Congregation.Id,
            Email = email,
            TokenHash = Hash(token),
            InvitedByUserId = view.UserId!,
            Message = message.Trim(),
            CreatedAt = now,
            ExpiresAt = now + CongregationsFeature.InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        var inviter = await db.Users.Where(u => u.Id == view.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var invitee = await db.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => new { u.Id, u.Language }).SingleOrDefaultAsync(cancellationToken);
        // The invited person's language; an address with no account has none, and the inviter's is the best guess.
        using var language = invitee is null ? RecipientLanguage.OfRequester() : RecipientLanguage.Of(invitee.Language);
        var letter = emails.Invitation(view.Congregation, email, inviter, invitation.Message, token, invitation.ExpiresAt);
        if (invitee is null)
        {
            outbox.Enqueue(letter);
        }
        else
        {
            // The notice links to the home page, never to the token: only the token's hash is stored, so the database cannot be used to join.
            await notifier.NotifyAsync(new Notice(invitee.Id, "congregation.invitation", emails.InvitationTitle(view.Congregation, inviter), "/me#waiting", letter)
            { About = AcceptInvitation.About(invitation.Id) }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return Outcome.Done;
    }

    internal static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
