using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;
using Stripe;
using Stripe.Checkout;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Stripe Checkout: a one-off payment or a monthly subscription for a pledge, a one-off payment for a ticket.</summary>
public sealed class StripePayments(IOptions<CommonsOptions> options, PublicAddress address) : IPaymentProvider
{
    public const string PledgeKey = "hub_pledge_id";
    public const string TicketKey = "hub_ticket_id";

    /// <summary>Where Stripe sends the person after paying; Stripe puts the session's id in place of the braces.</summary>
    public const string ReturnPath = "/commons/stripe/return";

    public bool IsConfigured => options.Value.Stripe.IsConfigured;

    /// <summary>A client for the configured API (Stripe's own, or a Stripe-compatible server on loopback in tests).</summary>
    public StripeClient Client() => new(options.Value.Stripe.SecretKey, apiBase: string.IsNullOrWhiteSpace(options.Value.Stripe.ApiBase) ? null : options.Value.Stripe.ApiBase);

    // Never the request's Host: the payment page would send people there.
    private string SuccessUrl => address.Absolute(ReturnPath) + "?session_id={CHECKOUT_SESSION_ID}";

    public async Task<string> StartCheckoutAsync(Pledge pledge, string email, string cancelUrl, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { [PledgeKey] = pledge.Id.ToString() };
        return await CreateAsync(new SessionCreateOptions
        {
            Mode = pledge.Monthly ? "subscription" : "payment",
            CustomerEmail = email,
            ClientReferenceId = pledge.Id.ToString(),
            Metadata = metadata,
            LineItems = [Line(pledge.Monthly ? "Monthly contribution to the commons" : "Contribution to the commons", pledge.AmountMinor, pledge.Currency, pledge.Monthly)],
            // Renewals arrive as invoice.paid; the subscription carries the pledge id so they find it.
            SubscriptionData = pledge.Monthly ? new SessionSubscriptionDataOptions { Metadata = metadata } : null,
            PaymentIntentData = pledge.Monthly ? null : new SessionPaymentIntentDataOptions { Metadata = metadata },
        }, cancelUrl, cancellationToken);
    }

    public async Task<string> StartCheckoutAsync(TicketCheckout ticket, string cancelUrl, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { [TicketKey] = ticket.TicketId.ToString() };
        return await CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            CustomerEmail = ticket.Email,
            ClientReferenceId = ticket.TicketId.ToString(),
            Metadata = metadata,
            LineItems = [Line($"Ticket: {ticket.EventTitle}", ticket.AmountMinor, ticket.Currency, monthly: false)],
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
        }, cancelUrl, cancellationToken);
    }

    private async Task<string> CreateAsync(SessionCreateOptions create, string cancelUrl, CancellationToken cancellationToken)
    {
        (create.SuccessUrl, create.CancelUrl) = (SuccessUrl, cancelUrl);
        var session = await new SessionService(Client()).CreateAsync(create, cancellationToken: cancellationToken);
        return session.Url;
    }

    private static SessionLineItemOptions Line(string name, long amountMinor, string currency, bool monthly) => new()
    {
        Quantity = 1,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = currency.ToLowerInvariant(),
            UnitAmount = amountMinor,
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
            Recurring = monthly ? new SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
        },
    };
}
