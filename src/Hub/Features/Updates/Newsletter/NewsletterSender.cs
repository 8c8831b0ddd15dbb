using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Email;
using MimeKit;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>Wakes the newsletter sender early.</summary>
public sealed class NewsletterSignal : Platform.Background.WakeSignal;

/// <summary>
/// Works through the newsletter queue at the configured pace, through the same mail transport as
/// every other email (its own queue, because each message needs list headers and a bounce marks
/// the subscriber). A node claims a row with a conditional update; a claim expires if the node dies.
/// </summary>
internal sealed class NewsletterSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<UpdatesOptions> options,
    IOptions<EmailOptions> email,
    IOptions<HubOptions> hub,
    NewsletterSignal signal,
    TimeProvider time,
    ILogger<NewsletterSender> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimLength = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(60_000.0 / options.Value.NewsletterPerMinute);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                    await Task.Delay(pause, stoppingToken); // the rate limit
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not read the newsletter queue.");
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

    /// <summary>Sends one due delivery; false when none is due.</summary>
    internal async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidate = await db.NewsletterDeliveries.AsNoTracking()
            .Where(d => d.SentAt == null && d.FailedAt == null && d.NextAttemptAt <= now
                        && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return false;
        }
        var claimedUntil = now + ClaimLength;
        var claimed = await db.NewsletterDeliveries
            .Where(d => d.Id == candidate.Id && d.SentAt == null && d.FailedAt == null
                        && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimedUntil, claimedUntil)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return true; // another node took it
        }
        var subscriber = await db.NewsletterSubscribers.AsNoTracking().SingleAsync(s => s.Id == candidate.SubscriberId, cancellationToken);
        var issue = await db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.Id == candidate.IssueId, cancellationToken);
        if (!subscriber.Receives)
        {
            // Left (or bounced on another issue) after this one was queued: it is not sent.
            await Finish(db, candidate.Id, sent: false, "No longer subscribed when its turn came.");
            return true;
        }
        var attempts = candidate.Attempts + 1;
        try
        {
            await transport.SendAsync(Compose(issue, subscriber, candidate.Id), cancellationToken);
            await Finish(db, candidate.Id, sent: true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            var bounced = e is PermanentMailFailureException;
            logger.LogWarning("Newsletter delivery {Id} failed (attempt {Attempts}): {Error}", candidate.Id, attempts, error);
            if (bounced)
            {
                await db.NewsletterSubscribers.Where(s => s.Id == subscriber.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.BouncedAt, time.GetUtcNow().UtcDateTime)
                    .SetProperty(x => x.BounceReason, error.Length > 500 ? error[..500] : error), CancellationToken.None);
            }
            if (bounced || attempts >= options.Value.NewsletterMaxAttempts)
            {
                await Finish(db, candidate.Id, sent: false, error);
            }
            else
            {
                var retryAt = time.GetUtcNow().UtcDateTime + options.Value.Backoff(attempts);
                await db.NewsletterDeliveries.Where(d => d.Id == candidate.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
                    .SetProperty(d => d.NextAttemptAt, retryAt)
                    .SetProperty(d => d.LastError, error), CancellationToken.None);
            }
        }
        return true;
    }

    private Task Finish(HubDbContext db, Guid id, bool sent, string? error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.NewsletterDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
            .SetProperty(d => d.SentAt, sent ? now : null)
            .SetProperty(d => d.FailedAt, sent ? null : now)
            .SetProperty(d => d.LastError, error), CancellationToken.None);
    }

    internal MimeMessage Compose(NewsletterIssue issue, NewsletterSubscriber subscriber, Guid deliveryId)
    {
        var unsubscribe = $"{issue.BaseUrl}/newsletter/unsubscribe?token={subscriber.Token}";
        var archive = $"{issue.BaseUrl}/newsletter/{issue.Id}";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        message.To.Add(new MailboxAddress(subscriber.Name, subscriber.Email));
        message.Subject = issue.Subject;
        message.Date = new DateTimeOffset(issue.SentAt, TimeSpan.Zero);
        // Stable per delivery: if a send is repeated after a crash, mail clients see the duplicate.
        message.MessageId = $"{deliveryId:N}@{message.From.Mailboxes.First().Domain}";
        // RFC 2369 and RFC 8058: mail clients show their own "unsubscribe" button and POST to it.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("List-Id", $"{hub.Value.Name} newsletter <newsletter.{message.From.Mailboxes.First().Domain}>");

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(issue.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#faf6f0;font-family:Georgia,serif;color:#2b2520;\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px;font-size:17px;line-height:1.5;\">")
            .Append("<h1 style=\"font-size:24px;\">").Append(E(issue.Subject)).Append("</h1>")
            // Links written as /handbook work on the web; in a mail client they need the hub's address.
            .Append(issue.Html.Replace("href=\"/", $"href=\"{issue.BaseUrl}/").Replace("src=\"/", $"src=\"{issue.BaseUrl}/"))
            .Append("<hr style=\"border:none;border-top:1px solid #e8dfd4;margin:24px 0;\">")
            .Append("<p style=\"font-size:13px;color:#5c5048;\">").Append(E(hub.Value.Name))
            .Append(" newsletter · <a href=\"").Append(E(archive)).Append("\" style=\"color:#9a3b1e;\">Read it on the web</a> · ")
            .Append("<a href=\"").Append(E(unsubscribe)).Append("\" style=\"color:#9a3b1e;\">Unsubscribe</a></p>")
            .Append("</div></body></html>");
        // Markdown reads well as plain text and keeps its links visible.
        var text = new StringBuilder()
            .AppendLine(issue.Subject).AppendLine()
            .AppendLine(issue.Markdown.Trim()).AppendLine()
            .AppendLine("—").AppendLine(hub.Value.Name + " newsletter")
            .AppendLine("Read it on the web: " + archive)
            .AppendLine("Unsubscribe: " + unsubscribe);
        message.Body = new BodyBuilder { HtmlBody = html.ToString(), TextBody = text.ToString() }.ToMessageBody();
        return message;
    }
}
