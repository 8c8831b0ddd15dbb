using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// A payment against a pledge becomes a contribution in the ledger, by a treasurer's hand (no
/// payment provider needed) or by the payment provider's webhook. Paying a monthly pledge at or
/// above the minimum makes the person a network member until the month paid for runs out.
/// </summary>
public sealed class RecordPayment(HubDbContext db, TimeProvider time, IOptions<CommonsOptions> options, NetworkMembership membership,
    IStringLocalizer<Strings> strings)
{
    public sealed record Input(Guid PledgeId, long AmountMinor, string Currency, DateTime PaidAtUtc, string? ExternalId = null, string? ProviderPaymentId = null);

    /// <summary>By a treasurer: checks the role, then records.</summary>
    public async Task<(Outcome Outcome, Guid? EntryId)> ByTreasurerAsync(string treasurerId, Input input, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return (Outcome.Refused(strings["Commons.Refused.TreasurersRecord"]), null);
        }
        return await RecordAsync(treasurerId, input, cancellationToken);
    }

    /// <summary>
    /// Records and saves. With an external id, a second delivery of the same payment is recognised
    /// (checked first, and guaranteed by the unique index when two arrive at once) and changes nothing.
    /// </summary>
    public async Task<(Outcome Outcome, Guid? EntryId)> RecordAsync(string? recordedById, Input input, CancellationToken cancellationToken = default)
    {
        if (Money.CheckAmount(input.AmountMinor, strings) is { } amount)
        {
            return (Outcome.Refused(amount, "Amount"), null);
        }
        if (!Money.IsKnown(input.Currency))
        {
            return (Outcome.Refused(Money.UnknownCurrency(input.Currency, strings), "Currency"), null);
        }
        if (RecordLedgerEntry.CheckDate(input.PaidAtUtc, time.GetUtcNow().UtcDateTime, "PaidAt", strings) is { } date)
        {
            return (date, null);
        }
        if (input.ExternalId is not null && await db.LedgerEntries.AnyAsync(e => e.ExternalId == input.ExternalId, cancellationToken))
        {
            return (Outcome.Done, null);
        }
        var pledge = await db.Pledges.SingleOrDefaultAsync(p => p.Id == input.PledgeId, cancellationToken);
        if (pledge is null)
        {
            return (Outcome.Refused(strings["Commons.Refused.PledgeGone"]), null);
        }
        if (!string.Equals(pledge.Currency, Money.Normalize(input.Currency), StringComparison.Ordinal))
        {
            return (Outcome.Refused(strings["Commons.Refused.PledgeCurrency", pledge.Currency], "Currency"), null);
        }
        var entry = await RecordLedgerEntry.NewEntryAsync(db, time, recordedById, LedgerKind.Contribution, input.AmountMinor, pledge.Currency,
            StoredWords.Of(pledge.Monthly ? "Ledger.MonthlyContribution" : "Ledger.OneOffContribution"), null, input.PaidAtUtc, cancellationToken);
        entry.ContributorUserId = pledge.UserId;
        entry.PledgeId = pledge.Id;
        entry.ExternalId = input.ExternalId;
        entry.ProviderPaymentId = input.ProviderPaymentId;
        if (recordedById is null)
        {
            entry.RecordedBy = LedgerWords.PaymentProvider;
        }
        db.LedgerEntries.Add(entry);
        if (!pledge.Monthly)
        {
            // A one-off pledge is fulfilled by its payment and leaves the treasurers' list.
            pledge.EndedAt ??= entry.RecordedAt;
        }
        else
        {
            var from = pledge.PaidThrough is { } through && through > input.PaidAtUtc ? through : input.PaidAtUtc;
            pledge.PaidThrough = from.AddMonths(1);
            if (options.Value.MinimumMinor(pledge.Currency) is { } minimum && pledge.AmountMinor >= minimum && input.AmountMinor >= minimum)
            {
                await membership.GrantAsync(pledge, cancellationToken);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (input.ExternalId is not null)
        {
            // The same webhook delivered twice at the same moment: the other delivery wrote it.
            db.ChangeTracker.Clear();
            return (Outcome.Done, null);
        }
        membership.Wake();
        return (Outcome.Done, entry.Id);
    }
}
