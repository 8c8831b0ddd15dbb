using Microsolidarity.Hub.Platform;
using Stripe.Checkout;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// A paid Checkout session, from the webhook or from the person's return: a pledge's contribution or a
/// ticket's payment, recorded under "stripe:{session id}" so the two (and any repeat) make one entry.
/// </summary>
public sealed class RecordStripeSession(RecordPayment payments, RecordTicketPayment tickets, ILogger<RecordStripeSession> logger)
{
    /// <param name="Recorded">True when the payment is in the ledger (now or before).</param>
    /// <param name="ReturnTo">The page the person goes back to.</param>
    public sealed record Result(bool Recorded, string ReturnTo);

    public async Task<Result> RunAsync(Session session, DateTime paidAtUtc, CancellationToken cancellationToken = default)
    {
        var externalId = $"stripe:{session.Id}";
        var amount = session.AmountTotal ?? 0;
        var currency = (session.Currency ?? "").ToUpperInvariant();
        if (Read(session.Metadata, StripePayments.TicketKey) is { } ticketId)
        {
            if (session.PaymentStatus != "paid")
            {
                return new(false, "/gatherings");
            }
            var (outcome, eventId) = await tickets.RunAsync(new RecordTicketPayment.Input(ticketId, amount, currency, paidAtUtc, externalId, session.PaymentIntentId), cancellationToken);
            Log(outcome, session.Id);
            return new(outcome.Succeeded, eventId is { } id ? $"/gatherings/{id}" : "/gatherings");
        }
        if (Read(session.Metadata, StripePayments.PledgeKey) is { } pledgeId)
        {
            if (session.PaymentStatus != "paid")
            {
                return new(false, "/commons/contribute");
            }
            var (outcome, _) = await payments.RecordAsync(null, new RecordPayment.Input(pledgeId, amount, currency, paidAtUtc, externalId, session.PaymentIntentId), cancellationToken);
            Log(outcome, session.Id);
            return new(outcome.Succeeded, "/commons/contribute?paid=1");
        }
        return new(false, "/commons");
    }

    private void Log(Outcome outcome, string sessionId)
    {
        if (!outcome.Succeeded)
        {
            logger.LogWarning("A Stripe payment {Payment} could not be recorded: {Reason}", sessionId, outcome.Message);
        }
    }

    public static Guid? Read(IDictionary<string, string>? metadata, string key) =>
        metadata is not null && metadata.TryGetValue(key, out var text) && Guid.TryParse(text, out var id) ? id : null;
}
