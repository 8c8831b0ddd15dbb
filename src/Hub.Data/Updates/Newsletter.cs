using Microsolidarity.Hub.Data.Platform;

namespace Microsolidarity.Hub.Data.Updates;

/// <summary>
/// Someone who asked for the newsletter, with or without an account. Nothing is sent before the
/// address is confirmed (double opt-in), and nothing after it unsubscribed or bounced.
/// </summary>
public class NewsletterSubscriber
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";

    /// <summary>Upper-case, like Identity's NormalizedEmail, so segments can match accounts by address.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The secret in the confirmation and unsubscribe links; it is the only authority they need.</summary>
    public string Token { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When the last confirmation email was queued; resends are spaced so the form cannot spam anyone.</summary>
    public DateTime ConfirmationSentAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>Set when the mail server refused the address permanently; no more issues go there.</summary>
    public DateTime? BouncedAt { get; set; }

    public string? BounceReason { get; set; }

    /// <summary>
    /// The language of the page they subscribed on (a shipped code, "pt-PT"): the newsletter's frame speaks it when
    /// their address has no account with a language of its own. Null for subscribers from before languages.
    /// </summary>
    public string? Language { get; set; }

    public bool Receives => ConfirmedAt != null && UnsubscribedAt == null && BouncedAt == null;
}

public enum NewsletterSegment
{
    /// <summary>Every confirmed subscriber.</summary>
    Everyone = 0,

    /// <summary>Subscribers whose address belongs to an account that is a member of the network.</summary>
    NetworkMembers = 1,

    /// <summary>Subscribers whose address belongs to a member of one congregation.</summary>
    Congregation = 2,
}

/// <summary>One newsletter issue, written in Markdown and sent once to a segment; then it is in the archive.</summary>
public class NewsletterIssue
{
    public Guid Id { get; set; }
    public string Subject { get; set; } = "";
    public string Markdown { get; set; } = "";

    /// <summary>Rendered and sanitised once, when sent: the archive and every email show the same words.</summary>
    public string Html { get; set; } = "";

    public NewsletterSegment Segment { get; set; }
    public Guid? CongregationId { get; set; }
    public string SentByUserId { get; set; } = "";
    public DateTime SentAt { get; set; }

    /// <summary>The hub's address when the issue was sent, so the background sender can build links without a request.</summary>
    public string BaseUrl { get; set; } = "";

    public int Recipients { get; set; }
}

/// <summary>
/// One issue to one subscriber: the unique pair makes a second send impossible, and the row is the
/// queue entry the sender claims (it survives restarts because it lives in the database).
/// </summary>
public class NewsletterDelivery : IOutboxRow
{
    public Guid Id { get; set; }
    public Guid IssueId { get; set; }
    public Guid SubscriberId { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Given up: bounced, unsubscribed before its turn, or too many attempts.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }
}
