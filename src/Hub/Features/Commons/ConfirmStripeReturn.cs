using Stripe;
using Stripe.Checkout;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// The person is back from Stripe's payment page. The session's id in the address is only a hint: the
/// hub asks Stripe for the session with its secret key and records what Stripe says, so a forged
/// address records nothing. Whether this or the webhook comes first, the payment is recorded once.
/// </summary>
public sealed class ConfirmStripeReturn(StripePayments stripe, RecordStripeSession record, TimeProvider time, ILogger<ConfirmStripeReturn> logger)
{
    public async Task<string> RunAsync(string? sessionId, CancellationToken cancellationToken = default)
    {
        if (!stripe.IsConfigured || string.IsNullOrWhiteSpace(sessionId) || !sessionId.StartsWith("cs_", StringComparison.Ordinal) || sessionId.Length > 200)
        {
            return "/commons";
        }
        Session session;
        try
        {
            session = await new SessionService(stripe.Client()).GetAsync(sessionId, cancellationToken: cancellationToken);
        }
        catch (StripeException exception)
        {
            logger.LogInformation("A return from Stripe named a session Stripe does not know: {Reason}", exception.Message);
            return "/commons";
        }
        return (await record.RunAsync(session, time.GetUtcNow().UtcDateTime, cancellationToken)).ReturnTo;
    }
}
