using System.Linq.Expressions;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using MimeKit;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>Wakes the newsletter sender early.</summary>
public sealed class NewsletterSignal : WakeSignal;

/// <summary>
/// Works through the newsletter queue at the configured pace, through the same mail transport as every other
/// email, by the outbox loop every outbox shares (<see cref="OutboxWorker{TRow}"/>). Its own queue, because
/// each message needs list headers, and a permanent refusal marks the subscriber as bounced.
/// </summary>
internal sealed class NewsletterSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<UpdatesOptions> options,
    IOptions<EmailOptions> email,
    IOptions<HubOptions> hub,
    NewsletterSignal signal,
    IStringLocalizer<Strings> strings,
    TimeProvider time,
    ILogger<NewsletterSender> logger) : OutboxWorker<NewsletterDelivery>(scopes, signal, time, logger)
{
    protected override string RowName => "Newsletter delivery";

    protected override Expression<Func<NewsletterDelivery, DateTime?>> DoneAt => d => d.SentAt;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan FirstRetryAfter => options.Value.FirstRetryAfter;

    protected override int MaxAttempts => options.Value.NewsletterMaxAttempts;

    /// <summary>The rate limit, so a big list does not trip the mail server's limits (per node).</summary>
    protected override TimeSpan Pace => TimeSpan.FromMinutes(1) / options.Value.NewsletterPerMinute;

    protected override bool IsPermanent(Exception failure) => failure is PermanentMailFailureException;

    protected override async Task SendAsync(OutboxAttempt<NewsletterDelivery> attempt, CancellationToken cancellationToken)
    {
        var db = attempt.Services.GetRequiredService<HubDbContext>();
        var delivery = attempt.Row;
        var subscriber = await db.NewsletterSubscribers.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriberId, cancellationToken);
        if (!subscriber.Receives)
        {
            // Left (or bounced on another issue) after this one was queued: it is not sent.
            throw new OutboxGiveUpException("No longer subscribed when its turn came.");
        }
        var issue = await db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.Id == delivery.IssueId, cancellationToken);
        MimeMessage message;
        using (RecipientLanguage.Of(await LanguageOfAsync(db, subscriber, cancellationToken)))
        {
            message = Compose(issue, subscriber, delivery.Id);
        }
        try
        {
            await transport.SendAsync(message, cancellationToken);
        }
        catch (PermanentMailFailureException e)
        {
            // A bounce: no issue goes to this address again.
            var reason = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            await db.NewsletterSubscribers.Where(s => s.Id == subscriber.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.BouncedAt, Time.GetUtcNow().UtcDateTime)
                .SetProperty(x => x.BounceReason, reason), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The language of an issue's frame (the text is the host's own): the language of the account with the subscriber's
    /// address, else the language of the page they subscribed on, else English.
    /// </summary>
    internal static async Task<string?> LanguageOfAsync(HubDbContext db, NewsletterSubscriber subscriber, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == subscriber.NormalizedEmail)
            .Select(u => u.Language).FirstOrDefaultAsync(cancellationToken) ?? subscriber.Language;

    /// <summary>The issue in the frame of the current <see cref="RecipientLanguage"/> (English outside one).</summary>
    internal MimeMessage Compose(NewsletterIssue issue, NewsletterSubscriber subscriber, Guid deliveryId)
    {
        var culture = RecipientLanguage.Current ?? Languages.CultureOf(Languages.English);
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
            .Append("<!DOCTYPE html><html lang=\"").Append(E(culture.Name)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(issue.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#faf6f0;font-family:Georgia,serif;color:#2b2520;\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px;font-size:17px;line-height:1.5;\">")
            .Append("<h1 style=\"font-size:24px;\">").Append(E(issue.Subject)).Append("</h1>")
            // Links written as /handbook work on the web; in a mail client they need the hub's address.
            .Append(issue.Html.Replace("href=\"/", $"href=\"{issue.BaseUrl}/").Replace("src=\"/", $"src=\"{issue.BaseUrl}/"))
            .Append("<hr style=\"border:none;border-top:1px solid #e8dfd4;margin:24px 0;\">")
            .Append("<p style=\"font-size:13px;color:#5c5048;\">").Append(E(strings["Newsletter.Frame.Name", hub.Value.Name]))
            .Append(" · <a href=\"").Append(E(archive)).Append("\" style=\"color:#9a3b1e;\">").Append(E(strings["Newsletter.Frame.OnTheWeb"])).Append("</a> · ")
            .Append("<a href=\"").Append(E(unsubscribe)).Append("\" style=\"color:#9a3b1e;\">").Append(E(strings["Newsletter.Frame.Unsubscribe"])).Append("</a></p>")
            .Append("</div></body></html>");
        // Markdown reads well as plain text and keeps its links visible.
        var text = new StringBuilder()
            .AppendLine(issue.Subject).AppendLine()
            .AppendLine(issue.Markdown.Trim()).AppendLine()
            .AppendLine("—").AppendLine(strings["Newsletter.Frame.Name", hub.Value.Name])
            .AppendLine(strings["Newsletter.Frame.OnTheWeb"] + ": " + archive)
            .AppendLine(strings["Newsletter.Frame.Unsubscribe"] + ": " + unsubscribe);
        message.Body = new BodyBuilder { HtmlBody = html.ToString(), TextBody = text.ToString() }.ToMessageBody();
        return message;
    }
}
