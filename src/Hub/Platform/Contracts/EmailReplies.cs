namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// A reply that came back by email to a notification, from the confirmed address of the person the notification
/// was sent to, with the quoted earlier message already stripped. <paramref name="Kind"/> and <paramref name="Key"/>
/// are what the feature gave <see cref="IEmailReplyAddresses.AddressFor"/> (say "conversation" and a thread's id).
/// </summary>
public sealed record EmailReply(string Kind, string Key, string UserId, string Text, string MessageId, DateTime ReceivedAt);

/// <summary>
/// A feature that takes replies by email to its notifications (a conversation's posts). The inbound mailbox hands
/// each verified reply to the target registered for its <see cref="Kind"/>; the target checks the person may still
/// write there, as its page would, and answers with an <see cref="Outcome"/> (a refusal is answered by email).
/// <see cref="ReceiveAsync"/> runs in a scope of the mailbox's own, inside the transaction that also records the
/// message as received (so two web nodes never post it twice): write with the scope's <c>HubDbContext</c> and
/// <c>SaveChanges</c>, and open a transaction only when <c>Database.CurrentTransaction</c> is null (as
/// <c>EditEvent</c> does). A refusal rolls back whatever was written.
/// </summary>
public interface IEmailReplyTarget
{
    string Kind { get; }

    Task<Outcome> ReceiveAsync(EmailReply reply, CancellationToken cancellationToken);
}

/// <summary>
/// The reply address a notification email carries. Null when the hub has no inbound mailbox configured: the
/// email then says "reply on the hub" and links there instead.
/// </summary>
public interface IEmailReplyAddresses
{
    string? AddressFor(string kind, string key, string userId);
}

/// <summary>The hub without an inbound mailbox: no reply addresses.</summary>
public sealed class NoEmailReplies : IEmailReplyAddresses
{
    public string? AddressFor(string kind, string key, string userId) => null;
}
