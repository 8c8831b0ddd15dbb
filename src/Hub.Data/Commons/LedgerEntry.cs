namespace Microsolidarity.Hub.Data.Commons;

public enum LedgerKind
{
    Contribution = 0,
    EventIncome = 1,
    EventCost = 2,
    EventShare = 3,
    Expense = 4,
    Fee = 5,
    Transfer = 6,
}

/// <summary>
/// One movement of money in one fund and one currency. Append-only: a mistake is corrected by a
/// reversing entry, never by an edit, so the history a contributor reads is the history that happened.
/// Amounts are whole minor units (cents), exact on every database; money in is positive, out negative.
/// </summary>
public class LedgerEntry
{
    public Guid Id { get; set; }

    /// <summary>"commons" for the network's fund; event funds are named "event:{id}".</summary>
    public string Fund { get; set; } = CommonsFunds.Commons;

    /// <summary>ISO 4217 code, upper case. Balances are kept per currency, never converted.</summary>
    public string Currency { get; set; } = "";

    public long AmountMinor { get; set; }
    public LedgerKind Kind { get; set; }
    public string Description { get; set; } = "";

    /// <summary>What the money is for, such as "scholarship"; transparency totals and goals group by it.</summary>
    public string? Category { get; set; }

    /// <summary>When the money moved (the payment's date), as opposed to when it was written down.</summary>
    public DateTime OccurredAt { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>Who wrote it down; null when the payment provider's webhook or an import did.</summary>
    public string? RecordedByUserId { get; set; }
    public string RecordedBy { get; set; } = "";

    public string? ContributorUserId { get; set; }
    public Guid? PledgeId { get; set; }
    public Guid? EventId { get; set; }
    public Guid? ProposalId { get; set; }

    /// <summary>The outside world's id ("stripe:cs_...", "opencollective:123"): unique, so a repeat is recognised.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Set on a correction or a refund: the entry it cancels (in full, or in part for a partial refund).</summary>
    public Guid? ReversesEntryId { get; set; }

    /// <summary>The ticket a card payment (or its refund) was for; the ticket lives in Gatherings.</summary>
    public Guid? TicketId { get; set; }

    /// <summary>
    /// The payment provider's id of the money movement itself (Stripe's payment intent, "pi_..."):
    /// a refund names the payment it returns by this id, not by the checkout session.
    /// </summary>
    public string? ProviderPaymentId { get; set; }
}

public static class CommonsFunds
{
    public const string Commons = "commons";
    public static string ForEvent(Guid eventId) => $"event:{eventId:N}";
}
