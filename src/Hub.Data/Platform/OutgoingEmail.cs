namespace Microsolidarity.Hub.Data.Platform;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it
/// (an outbox), so a message is never lost when the process dies and never sent for a change
/// that was rolled back.
/// </summary>
public class OutgoingEmail : IOutboxRow
{
    public Guid Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>An optional text attachment (an event's .ics file); all three are set or none.</summary>
    public string? AttachmentFileName { get; set; }
    public string? AttachmentContentType { get; set; }
    public string? AttachmentContent { get; set; }

    /// <summary>Where replies go (a conversation's reply address); null: to <c>Email:From</c>.</summary>
    public string? ReplyToAddress { get; set; }

    /// <summary>The message's own id (local part), and the earlier ones of its thread (space-separated), so mail clients group them.</summary>
    public string? ThreadMessageId { get; set; }
    public string? InReplyTo { get; set; }
    public string? References { get; set; }

    /// <summary>When the next attempt may start; pushed back after a failure.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A node that claimed the message holds it until this instant; then another may retry.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when the message will not be tried again (rejected address, too many attempts).</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }
}
