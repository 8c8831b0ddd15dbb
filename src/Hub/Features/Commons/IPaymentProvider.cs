using Microsolidarity.Hub.Data.Commons;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Takes a member to a payment page for a pledge. Payments come back through the provider's own
/// webhook, which calls RecordPayment with the provider's id, so a repeat delivery changes nothing.
/// With no provider configured the hub works by hand: treasurers record payments.
/// </summary>
public interface IPaymentProvider
{
    bool IsConfigured { get; }

    /// <summary>The address of the provider's payment page.</summary>
    Task<string> StartCheckoutAsync(Pledge pledge, string email, string successUrl, string cancelUrl, CancellationToken cancellationToken);
}
