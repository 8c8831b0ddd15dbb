namespace Microsolidarity.Hub.Platform.Email;

/// <summary>A message as the hub composes it: always both an HTML and a plain-text body, optionally one attachment.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody, EmailAttachment? Attachment = null);

/// <summary>A small text attachment, such as an event's .ics file.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
