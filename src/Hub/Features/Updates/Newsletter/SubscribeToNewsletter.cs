using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>
/// The first half of double opt-in: records the address and sends a confirmation link. The answer
/// is the same whether or not the address was known, so the form tells nobody who subscribes.
/// </summary>
public sealed class SubscribeToNewsletter(HubDbContext db, EmailOutbox outbox, EmailTemplates templates, PublicAddress links, TimeProvider time,
    IStringLocalizer<Strings> strings)
{
    /// <summary>A second confirmation to the same address waits this long, so the form cannot flood a mailbox.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(10);

    public async Task<Outcome> RunAsync(string email, string? name, CancellationToken cancellationToken)
    {
        email = (email ?? "").Trim();
        if (email.Length == 0)
        {
            return Outcome.Refused(strings["Updates.Refused.NoEmail"], "Email");
        }
        if (email.Length > 320 || !MimeKit.MailboxAddress.TryParse(email, out var parsed) || parsed.Address != email || !email.Contains('@'))
        {
            return Outcome.Refused(strings["Updates.Refused.NotAnEmail"], "Email");
        }
        name = (name ?? "").Trim();
        if (name.Length > 200)
        {
            return Outcome.Refused(strings["Updates.Refused.LongName"], "Name");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var normalized = email.ToUpperInvariant();
        var subscriber = await db.NewsletterSubscribers.SingleOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);
        if (subscriber is null)
        {
            subscriber = new NewsletterSubscriber
            {
                Id = Guid.NewGuid(),
                Email = email,
                NormalizedEmail = normalized,
                Name = name,
                Token = NewToken(),
                CreatedAt = now,
            };
            db.NewsletterSubscribers.Add(subscriber);
        }
        else if (subscriber.Receives)
        {
            return Outcome.Done; // already receiving: nothing to send, and nothing to reveal
        }
        else if (subscriber.ConfirmationSentAt > now - ResendAfter)
        {
            return Outcome.Done;
        }
        else
        {
            // Coming back after leaving or bouncing: ask again, with a fresh link.
            subscriber.ConfirmedAt = null;
            subscriber.UnsubscribedAt = null;
            subscriber.BouncedAt = null;
            subscriber.BounceReason = null;
            subscriber.Token = NewToken();
            if (name.Length > 0)
            {
                subscriber.Name = name;
            }
        }
        subscriber.ConfirmationSentAt = now;
        // Asked for in this request: the language of the page they subscribed on, unless their address has an account with its own.
        var language = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
        // The page's language is kept, so the issues that follow (sent by a job, with no page to go by) are framed in it too.
        subscriber.Language = RecipientLanguage.OfThisRequest().Name;
        using (RecipientLanguage.OfRequester(language))
        {
            outbox.Enqueue(templates.Compose(email, subscriber.Name, strings["Newsletter.Confirm.Subject"],
                [strings["Newsletter.Confirm.Asked"], strings["Newsletter.Confirm.Then"]],
                (strings["Newsletter.Confirm.Action"], links.Absolute($"/newsletter/confirm?token={subscriber.Token}")),
                strings["Newsletter.Confirm.Footer"]));
        }
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return Outcome.Done;
    }

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
}
