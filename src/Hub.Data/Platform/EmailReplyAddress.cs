namespace Microsolidarity.Hub.Data.Platform;

/// <summary>
/// The token of one reply address (<c>replies+TOKEN@hub.example</c>) a notification email carried, and what a reply
/// to it is about. The token is random, not a signed payload: a kind, a key and a person's id sealed with the hub's
/// keys need some 70 characters, longer than the 64 a mailbox name may have, so the address names a row instead.
/// </summary>
public class EmailReplyAddress
{
    /// <summary>20 random bytes in lower-case base32 (32 characters).</summary>
    public string Token { get; set; } = "";

    /// <summary>The feature that takes the reply (an <c>IEmailReplyTarget</c>'s kind), e.g. "conversation".</summary>
    public string Kind { get; set; } = "";

    /// <summary>What the reply is about, as the feature named it (a conversation's id).</summary>
    public string Key { get; set; } = "";

    /// <summary>The person the email went to: only their confirmed address may reply through it.</summary>
    public string UserId { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A message of the inbound mailbox that the hub has dealt with, keyed by its Message-ID (or a hash of it). Inserted
/// in the same transaction as what the reply wrote, so two web nodes reading the same mailbox never post it twice.
/// </summary>
public class EmailReplyReceipt
{
    /// <summary>The message's Message-ID; a hash (<c>sha256:…</c>) when it has none or a very long one.</summary>
    public string MessageKey { get; set; } = "";

    public DateTime ProcessedAt { get; set; }

    /// <summary>What came of it, for the operator: "handed over", or why it was refused.</summary>
    public string Result { get; set; } = "";
}
