namespace Microsolidarity.Hub.Platform.Email;

/// <summary>A message as the hub composes it: always both an HTML and a plain-text body, optionally one attachment.</summary>
public sealed record EmailMessage(
    string ToAddress,
    string ToName,
    string Subject,
    string HtmlBody,
    string TextBody,
    EmailAttachment? Attachment = null,
    EmailThreading? Threading = null);

/// <summary>A small text attachment, such as an event's .ics file.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);

/// <summary>
/// Where replies go, and which conversation the message belongs to, so that mail clients group one thread's
/// notifications (<c>In-Reply-To</c>, <c>References</c>) and replies can come back to the hub. Ids are local
/// parts (before the "@"); the sender adds the domain of <c>Email:From</c>. <paramref name="MessageId"/> must be
/// unique per message (per post and recipient, say); the others name earlier messages of the thread.
/// </summary>
public sealed record EmailThreading(string? ReplyToAddress, string? MessageId = null, string? InReplyTo = null, IReadOnlyList<string>? References = null);
