using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Background;
using MimeKit;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>
/// Delivers queued email (<see cref="OutgoingEmail"/>) through the mail transport, one message at a time, by
/// the outbox loop every outbox shares (<see cref="OutboxWorker{TRow}"/>): safe with several web nodes. A
/// permanent refusal (SMTP 5xx) is given up at once.
/// </summary>
internal sealed class EmailSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    EmailSignal signal,
    TimeProvider time,
    ILogger<EmailSender> logger) : OutboxWorker<OutgoingEmail>(scopes, signal, time, logger)
{
    protected override string RowName => "Email";

    protected override Expression<Func<OutgoingEmail, DateTime?>> DoneAt => e => e.SentAt;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan FirstRetryAfter => options.Value.FirstRetryAfter;

    protected override int MaxAttempts => options.Value.MaxAttempts;

    protected override bool IsPermanent(Exception failure) => failure is PermanentMailFailureException;

    protected override Task SendAsync(OutboxAttempt<OutgoingEmail> attempt, CancellationToken cancellationToken) =>
        transport.SendAsync(Compose(attempt.Row), cancellationToken);

    private MimeMessage Compose(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Date = new DateTimeOffset(email.CreatedAt, TimeSpan.Zero);
        // A stable id: if a send is retried after the server took it, receivers can see the duplicate.
        var domain = message.From.Mailboxes.First().Domain;
        message.MessageId = $"{email.ThreadMessageId ?? email.Id.ToString("N")}@{domain}";
        if (email.ReplyToAddress is { } replyTo)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }
        if (email.InReplyTo is { } inReplyTo)
        {
            message.InReplyTo = $"{inReplyTo}@{domain}";
        }
        foreach (var reference in (email.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add($"{reference}@{domain}");
        }
        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        if (email.AttachmentFileName is { } fileName && email.AttachmentContent is { } content)
        {
            body.Attachments.Add(fileName, System.Text.Encoding.UTF8.GetBytes(content), ContentType.Parse(email.AttachmentContentType ?? "application/octet-stream"));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
