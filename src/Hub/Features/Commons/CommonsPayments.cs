using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>The commons' side of <see cref="IPayments"/>: its bank details, and Stripe Checkout for tickets.</summary>
public sealed class CommonsPayments(HubDbContext db, IPaymentProvider provider, PublicAddress address) : IPayments
{
    public bool CardPaymentsOn => provider.IsConfigured;

    public async Task<BankTransfer?> BankTransferAsync(string currency, CancellationToken cancellationToken)
    {
        var code = Money.Normalize(currency);
        return await db.BankAccounts.AsNoTracking().Where(a => a.Currency == code)
            .Select(a => new BankTransfer(a.Currency, a.AccountHolder, a.Iban, a.Bic, a.Instructions)).SingleOrDefaultAsync(cancellationToken);
    }

    public Task<string> StartTicketCheckoutAsync(TicketCheckout checkout, CancellationToken cancellationToken) =>
        provider.StartCheckoutAsync(checkout, address.Absolute($"/gatherings/{checkout.EventId}"), cancellationToken);
}
