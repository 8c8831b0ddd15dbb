namespace Microsolidarity.Hub.Data.Platform;

/// <summary>
/// A row of an outbox: work saved in the same transaction as the change that caused it, carried out later
/// by a background worker (the hub's <c>Platform/Background/OutboxWorker</c>), which claims the row,
/// tries it, and backs off after a failure. The worker writes these columns; each row says in its own
/// column when it was done (<c>SentAt</c>, <c>DeliveredAt</c>).
/// </summary>
public interface IOutboxRow
{
    Guid Id { get; }

    /// <summary>When the next attempt may start; pushed back after a failure.</summary>
    DateTime NextAttemptAt { get; }

    /// <summary>A node that claimed the row holds it until this instant; then another may try it.</summary>
    DateTime? ClaimedUntil { get; }

    /// <summary>Attempts started, counted when the row is claimed.</summary>
    int Attempts { get; }

    /// <summary>Given up: refused for good, or too many attempts. Never tried again.</summary>
    DateTime? FailedAt { get; }

    /// <summary>Why the last attempt failed; empty after a success.</summary>
    string? LastError { get; }
}
