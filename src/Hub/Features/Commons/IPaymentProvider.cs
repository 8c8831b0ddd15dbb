using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Takes a member to a payment page for a pledge or a ticket. Payments come back twice, by design:
/// through the provider's webhook and through the person's return to the hub; both record the payment
/// under the provider's id, so whichever comes second (or a repeat delivery) changes nothing.
/// With no provider configured the hub works by hand: treasurers and hosts record payments.
/// </summary>
public interface IPaymentProvider
{
    bool IsConfigured { get; }

    /// <summary>The address of the provider's payment page.</summary>
    Task<string> StartCheckoutAsync(Pledge pledge, string email, string cancelUrl, CancellationToken cancellationToken);

    Task<string> StartCheckoutAsync(TicketCheckout ticket, string cancelUrl, CancellationToken cancellationToken);
}
