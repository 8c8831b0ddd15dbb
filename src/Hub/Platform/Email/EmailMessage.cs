namespace Microsolidarity.Hub.Platform.Email;

/// <summary>A message as the hub composes it: always both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody);
