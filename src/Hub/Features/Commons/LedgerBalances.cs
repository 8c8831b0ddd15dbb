using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A fund's balance per currency, summed by the database: never converted, never cached.</summary>
public sealed class LedgerBalances(HubDbContext db)
{
    public async Task<IReadOnlyDictionary<string, long>> ForFundAsync(string fund, CancellationToken cancellationToken = default)
    {
        var rows = await db.LedgerEntries.Where(e => e.Fund == fund)
            .GroupBy(e => e.Currency)
            .Select(g => new { Currency = g.Key, Sum = g.Sum(e => e.AmountMinor) })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Currency, StringComparer.Ordinal).ToDictionary(r => r.Currency, r => r.Sum);
    }
}
