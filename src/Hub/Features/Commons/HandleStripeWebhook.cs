using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Stripe tells the hub that money arrived or went back. The signature is checked with the webhook
/// secret before anything is read; each payment is recorded under Stripe's own id, so a delivery that
/// Stripe repeats (it does, by design), or one racing the person's return to the hub, gives one entry.
/// </summary>
public sealed class HandleStripeWebhook(IOptions<CommonsOptions> options, RecordStripeSession sessions, RecordPayment payments, RecordRefund refunds,
    ILogger<HandleStripeWebhook> logger)
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
        var at = stripeEvent.Created.Kind == DateTimeKind.Utc ? stripeEvent.Created : DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc);
        switch (stripeEvent.Data.Object)
        {
            case Session session when stripeEvent.Type == EventTypes.CheckoutSessionCompleted:
                return (await sessions.RunAsync(session, at, cancellationToken)).Recorded ? Result.Recorded : Result.Ignored;
            // Later months of a subscription; the first month came with checkout.session.completed.
            case Invoice { BillingReason: "subscription_cycle" } invoice when stripeEvent.Type == EventTypes.InvoicePaid:
                if (RecordStripeSession.Read(invoice.Parent?.SubscriptionDetails?.Metadata, StripePayments.PledgeKey) is not { } pledgeId || invoice.Currency is null)
                {
                    return Result.Ignored;
                }
                var paymentIntent = invoice.Payments?.Data?.FirstOrDefault()?.Payment?.PaymentIntentId;
                var (outcome, _) = await payments.RecordAsync(null,
                    new RecordPayment.Input(pledgeId, invoice.AmountPaid, invoice.Currency.ToUpperInvariant(), at, $"stripe:{invoice.Id}", paymentIntent), cancellationToken);
                if (!outcome.Succeeded)
                {
                    logger.LogWarning("A Stripe payment {Payment} could not be recorded: {Reason}", invoice.Id, outcome.Message);
                    return Result.Ignored;
                }
                return Result.Recorded;
            case Charge { PaymentIntentId: { } intent } charge when stripeEvent.Type == EventTypes.ChargeRefunded:
                return (await refunds.RunAsync(new RecordRefund.Input(intent, charge.Id, charge.AmountRefunded, charge.Currency ?? "", at), cancellationToken)).Succeeded
                    ? Result.Recorded : Result.Ignored;
            default:
                return Result.Ignored;
        }
    }
}
