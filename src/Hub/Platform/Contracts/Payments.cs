namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>How to pay the commons by bank transfer in one currency, as its treasurers set it.</summary>
public sealed record BankTransfer(string Currency, string AccountHolder, string Iban, string Bic, string Instructions);

/// <summary>A ticket someone pays by card: the amount due in the event's currency, in cents.</summary>
public sealed record TicketCheckout(Guid TicketId, Guid EventId, string EventTitle, long AmountMinor, string Currency, string Email);

/// <summary>
/// How money reaches the commons, for features that take payments without keeping the books
/// (gatherings' tickets): the bank details for a transfer, and card payments when Stripe's keys are set.
/// The commons records what arrives in its ledger and tells <see cref="ITicketPayments"/>.
/// </summary>
public interface IPayments
{
    bool CardPaymentsOn { get; }

    Task<BankTransfer?> BankTransferAsync(string currency, CancellationToken cancellationToken);

    /// <summary>The address of the provider's payment page for the ticket.</summary>
    Task<string> StartTicketCheckoutAsync(TicketCheckout checkout, CancellationToken cancellationToken);
}

/// <summary>A ticket as the commons needs it to record a payment against it.</summary>
public sealed record PayableTicket(Guid TicketId, Guid EventId, string EventTitle, string UserId, string Currency, long DueMinor, bool Paid);

/// <summary>
/// Gatherings' side of a card payment for a ticket. Called inside the commons' unit of work that
/// records the ledger entry: change tracked rows, do not save, so the entry and the ticket commit together.
/// </summary>
public interface ITicketPayments
{
    Task<PayableTicket?> FindAsync(Guid ticketId, CancellationToken cancellationToken);

    Task MarkPaidAsync(Guid ticketId, DateTime paidAtUtc, CancellationToken cancellationToken);

    /// <summary>The whole payment went back: the ticket is unpaid again.</summary>
    Task MarkRefundedAsync(Guid ticketId, CancellationToken cancellationToken);
}
