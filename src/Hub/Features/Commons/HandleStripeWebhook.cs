using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform;
using Stripe;
using Stripe.Checkout;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Stripe tells the hub that money arrived. The signature is checked with the webhook secret
/// before anything is read; each payment is recorded under Stripe's own id, so a delivery that
/// Stripe repeats (it does, by design) gives one ledger entry.
/// </summary>
public sealed class HandleStripeWebhook(IOptions<CommonsOptions> options, RecordPayment payments, ILogger<HandleStripeWebhook> logger)
{
    public enum Result { Recorded, Ignored, BadSignature, NotConfigured }

    public async Task<Result> RunAsync(string json, string? signature, CancellationToken cancellationToken = default)
    {
        var secret = options.Value.Stripe.WebhookSecret;
        if (!options.Value.Stripe.IsConfigured || string.IsNullOrEmpty(secret))
        {
            return Result.NotConfigured;
        }
        Event stripeEvent;
        try
        {
            // The endpoint's API version is chosen in Stripe's dashboard; the fields read below are
            // the same across versions, so a mismatch is not a reason to drop a payment.
            stripeEvent = EventUtility.ConstructEvent(json, signature ?? "", secret, throwOnApiVersionMismatch: false);
        }
        catch (StripeException exception)
        {
            logger.LogWarning("A Stripe webhook was refused: {Reason}", exception.Message);
            return Result.BadSignature;
        }
        var (pledgeId, amount, currency, paymentId) = stripeEvent.Data.Object switch
        {
            Session { PaymentStatus: "paid" } session when stripeEvent.Type == EventTypes.CheckoutSessionCompleted =>
                (Read(session.Metadata), session.AmountTotal ?? 0, session.Currency, $"stripe:{session.Id}"),
            // Later months of a subscription; the first month came with checkout.session.completed.
            Invoice { BillingReason: "subscription_cycle" } invoice when stripeEvent.Type == EventTypes.InvoicePaid =>
                (Read(invoice.Parent?.SubscriptionDetails?.Metadata), invoice.AmountPaid, invoice.Currency, $"stripe:{invoice.Id}"),
            _ => (null, 0L, null, ""),
        };
        if (pledgeId is null || currency is null)
        {
            return Result.Ignored;
        }
        var paidAt = stripeEvent.Created.Kind == DateTimeKind.Utc ? stripeEvent.Created : DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc);
        var (outcome, _) = await payments.RecordAsync(null, new RecordPayment.Input(pledgeId.Value, amount, currency.ToUpperInvariant(), paidAt, paymentId), cancellationToken);
        if (!outcome.Succeeded)
        {
            logger.LogWarning("A Stripe payment {Payment} could not be recorded: {Reason}", paymentId, outcome.Message);
            return Result.Ignored;
        }
        return Result.Recorded;
    }

    private static Guid? Read(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(StripePayments.PledgeKey, out var text) && Guid.TryParse(text, out var id) ? id : null;
}
