using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A member promises a monthly or a one-off contribution. A new monthly pledge replaces the old one.</summary>
public sealed class PledgeContribution(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<(Outcome Outcome, Guid? PledgeId)> RunAsync(string userId, long amountMinor, string currency, bool monthly, CancellationToken cancellationToken = default)
    {
        if (Money.CheckAmount(amountMinor, strings) is { } amount)
        {
            return (Outcome.Refused(amount, "Amount"), null);
        }
        if (!Money.IsKnown(currency))
        {
            return (Outcome.Refused(Money.UnknownCurrency(currency, strings), "Currency"), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var pledge = new Pledge
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            AmountMinor = amountMinor,
            Currency = Money.Normalize(currency),
            Monthly = monthly,
            CreatedAt = now,
            Reference = await NewReferenceAsync(db, cancellationToken),
        };
        if (monthly)
        {
            // One monthly pledge at a time; the months already paid carry over, so changing the amount never costs membership.
            var previous = await db.Pledges.Where(p => p.UserId == userId && p.Monthly && p.EndedAt == null).ToListAsync(cancellationToken);
            foreach (var old in previous)
            {
                old.EndedAt = now;
                pledge.PaidThrough = Later(pledge.PaidThrough, old.PaidThrough);
                pledge.GrantsMembership |= old.GrantsMembership;
                old.GrantsMembership = false;
            }
        }
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, pledge.Id);
    }

    /// <summary>A reference no pledge has yet (the unique index is the guarantee; this check makes a clash a non-event).</summary>
    public static async Task<string> NewReferenceAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reference = PaymentReference.New();
            if (!await db.Pledges.AnyAsync(p => p.Reference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
