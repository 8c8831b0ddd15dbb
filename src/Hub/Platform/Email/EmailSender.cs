using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;
using MimeKit;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>
/// Delivers queued email in the background. Safe with several web nodes: a node claims a message
/// with a conditional update before sending, and a claim expires if the node dies mid-send.
/// </summary>
internal sealed class EmailSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    EmailSignal signal,
    TimeProvider time,
    ILogger<EmailSender> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimLength = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unavailable (a restart, a migration); try again on the next round.
                logger.LogWarning(e, "Could not read the email queue.");
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollIntervalMs), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one due message; false when none is due.</summary>
    internal async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidate = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now
                        && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return false;
        }
        var claimedUntil = now + ClaimLength;
        var claimed = await db.OutgoingEmails
            .Where(e => e.Id == candidate.Id && e.SentAt == null
                        && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimedUntil, claimedUntil)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return true; // another node took it; look for the next one
        }

        var attempts = candidate.Attempts + 1;
        try
        {
            await transport.SendAsync(Compose(candidate), cancellationToken);
            await db.OutgoingEmails.Where(e => e.Id == candidate.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.SentAt, time.GetUtcNow().UtcDateTime)
                .SetProperty(e => e.ClaimedUntil, (DateTime?)null)
                .SetProperty(e => e.LastError, (string?)null), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var permanent = e is PermanentMailFailureException || attempts >= options.Value.MaxAttempts;
            var retryAt = time.GetUtcNow().UtcDateTime + Backoff(attempts);
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            logger.LogWarning("Email {Id} to {To} failed (attempt {Attempts}{Final}): {Error}",
                candidate.Id, candidate.ToAddress, attempts, permanent ? ", giving up" : "", error);
            await db.OutgoingEmails.Where(x => x.Id == candidate.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
                .SetProperty(x => x.NextAttemptAt, retryAt)
                .SetProperty(x => x.FailedAt, permanent ? time.GetUtcNow().UtcDateTime : null)
                .SetProperty(x => x.LastError, error), CancellationToken.None);
        }
        return true;
    }

    /// <summary>30 s, 1 min, 2 min ... capped at one hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    private MimeMessage Compose(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Date = new DateTimeOffset(email.CreatedAt, TimeSpan.Zero);
        // A stable id: if a send is retried after the server took it, receivers can see the duplicate.
        message.MessageId = $"{email.Id:N}@{message.From.Mailboxes.First().Domain}";
        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        if (email.AttachmentFileName is { } fileName && email.AttachmentContent is { } content)
        {
            body.Attachments.Add(fileName, System.Text.Encoding.UTF8.GetBytes(content), ContentType.Parse(email.AttachmentContentType ?? "application/octet-stream"));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
