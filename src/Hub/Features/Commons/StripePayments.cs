using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Commons;
using Stripe;
using Stripe.Checkout;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Stripe Checkout: a one-off payment, or a monthly subscription, for the pledged amount.</summary>
public sealed class StripePayments(IOptions<CommonsOptions> options) : IPaymentProvider
{
    public const string PledgeKey = "hub_pledge_id";

    public bool IsConfigured => options.Value.Stripe.IsConfigured;

    public async Task<string> StartCheckoutAsync(Pledge pledge, string email, string successUrl, string cancelUrl, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { [PledgeKey] = pledge.Id.ToString() };
        var create = new SessionCreateOptions
        {
            Mode = pledge.Monthly ? "subscription" : "payment",
            CustomerEmail = email,
            ClientReferenceId = pledge.Id.ToString(),
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            Metadata = metadata,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = pledge.Currency.ToLowerInvariant(),
                        UnitAmount = pledge.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = pledge.Monthly ? "Monthly contribution to the commons" : "Contribution to the commons" },
                        Recurring = pledge.Monthly ? new SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
                    },
                },
            ],
            // Renewals arrive as invoice.paid; the subscription carries the pledge id so they find it.
            SubscriptionData = pledge.Monthly ? new SessionSubscriptionDataOptions { Metadata = metadata } : null,
        };
        var client = new StripeClient(options.Value.Stripe.SecretKey);
        var session = await new SessionService(client).CreateAsync(create, cancellationToken: cancellationToken);
        return session.Url;
    }
}
