using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;

namespace Microsolidarity.Hub.Platform.Email;

/// <summary>
/// Queues email in the caller's unit of work: the message is saved with the caller's SaveChanges,
/// so it exists exactly when the change that caused it does. <see cref="EmailSender"/> delivers it.
/// </summary>
public sealed class EmailOutbox(HubDbContext db, TimeProvider time, EmailSignal signal)
{
    public void Enqueue(EmailMessage message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Id = Guid.NewGuid(),
            ToAddress = message.ToAddress,
            ToName = message.ToName,
            Subject = message.Subject,
            HtmlBody = message.HtmlBody,
            TextBody = message.TextBody,
            AttachmentFileName = message.Attachment?.FileName,
            AttachmentContentType = message.Attachment?.ContentType,
            AttachmentContent = message.Attachment?.Content,
            ReplyToAddress = message.Threading?.ReplyToAddress,
            ThreadMessageId = message.Threading?.MessageId,
            InReplyTo = message.Threading?.InReplyTo,
            References = message.Threading?.References is { Count: > 0 } references ? string.Join(' ', references) : null,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>Call after the caller's transaction committed, to send without waiting for the next poll.</summary>
    public void Wake() => signal.Wake();
}

/// <summary>Wakes the email sender early.</summary>
public sealed class EmailSignal : Background.WakeSignal;
