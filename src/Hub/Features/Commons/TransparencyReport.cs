using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Everything the public transparency page shows, computed from the ledger alone (no figure is
/// stored anywhere else). A community's fund has thousands of entries, not millions, so one query
/// and grouping in memory keep the month arithmetic the same on both databases.
/// </summary>
public sealed class TransparencyReport(HubDbContext db, TimeProvider time)
{
    public sealed record MonthFigure(DateOnly Month, string Currency, long AmountMinor, int People);
    /// <summary>An event's figures; its title is read from the stored income entry, null when none says it (the page words it).</summary>
    public sealed record EventFigure(Guid EventId, string? Title, DateTime EndedAt, string Currency, long Income, long Costs, long ShareToCommons)
    {
        public long Surplus => Income - Costs;
    }
    public sealed record GoalFigure(string Title, string Currency, long Target, long Raised)
    {
        public int Percent => Target <= 0 ? 0 : (int)Math.Min(100, Raised * 100 / Target);
    }
    public sealed record Report(
        IReadOnlyDictionary<string, long> Balances,
        IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Month, long Balance)>> BalanceByMonth,
        IReadOnlyList<MonthFigure> RecurringIncome,
        IReadOnlyList<EventFigure> Events,
        IReadOnlyList<MonthFigure> Expenses,
        IReadOnlyDictionary<string, (long Total, int Grants)> Scholarships,
        IReadOnlyList<GoalFigure> Goals,
        int EntryCount);

    private sealed record Slim(string Fund, string Currency, long AmountMinor, LedgerKind Kind, string? Category, DateTime OccurredAt,
        string? ContributorUserId, Guid? PledgeId, Guid? EventId, Guid? ReversesEntryId, string Description);

    public async Task<Report> BuildAsync(int months = 12, CancellationToken cancellationToken = default)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Select(e => new Slim(e.Fund, e.Currency, e.AmountMinor, e.Kind, e.Category, e.OccurredAt, e.ContributorUserId, e.PledgeId, e.EventId, e.ReversesEntryId, e.Description))
            .ToListAsync(cancellationToken);
        var monthlyPledges = (await db.Pledges.Where(p => p.Monthly).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var commons = entries.Where(e => e.Fund == CommonsFunds.Commons).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var window = Enumerable.Range(0, months).Select(i => thisMonth.AddMonths(i - months + 1)).ToList();
        static DateOnly MonthOf(DateTime t) => new(t.Year, t.Month, 1);

        var balances = commons.GroupBy(e => e.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.AmountMinor));
        var byMonth = new Dictionary<string, IReadOnlyList<(DateOnly, long)>>();
        foreach (var currency in balances.Keys)
        {
            var mine = commons.Where(e => e.Currency == currency).ToList();
            byMonth[currency] = window.Select(m => (m, mine.Where(e => MonthOf(e.OccurredAt) <= m).Sum(e => e.AmountMinor))).ToList();
        }

        var recurring = commons.Where(e => e.Kind == LedgerKind.Contribution && e.PledgeId is { } p && monthlyPledges.Contains(p))
            .GroupBy(e => (Month: MonthOf(e.OccurredAt), e.Currency))
            .Where(g => window.Contains(g.Key.Month))
            .Select(g => new MonthFigure(g.Key.Month, g.Key.Currency, g.Sum(e => e.AmountMinor),
                g.GroupBy(e => e.ContributorUserId).Count(p => p.Key is not null && p.Sum(e => e.AmountMinor) > 0)))
            .OrderBy(f => f.Month).ThenBy(f => f.Currency, StringComparer.Ordinal).ToList();

        var events = entries.Where(e => e.EventId is not null && e.Fund != CommonsFunds.Commons).GroupBy(e => (e.EventId!.Value, e.Currency))
            .Select(g =>
            {
                var incomeEntry = g.FirstOrDefault(e => e.Kind == LedgerKind.EventIncome && e.ReversesEntryId is null);
                var title = incomeEntry is null ? null : LedgerWords.EventTitleOf(incomeEntry.Description);
                return new EventFigure(g.Key.Item1, title, g.Max(e => e.OccurredAt), g.Key.Currency,
                    g.Where(e => e.Kind == LedgerKind.EventIncome).Sum(e => e.AmountMinor),
                    -g.Where(e => e.Kind == LedgerKind.EventCost).Sum(e => e.AmountMinor),
                    -g.Where(e => e.Kind == LedgerKind.EventShare).Sum(e => e.AmountMinor));
            })
            .OrderByDescending(e => e.EndedAt).ToList();

        var expenses = commons.Where(e => e.Kind is LedgerKind.Expense or LedgerKind.Fee)
            .GroupBy(e => (Month: MonthOf(e.OccurredAt), e.Currency))
            .Where(g => window.Contains(g.Key.Month))
            .Select(g => new MonthFigure(g.Key.Month, g.Key.Currency, -g.Sum(e => e.AmountMinor), g.Count(e => e.ReversesEntryId is null)))
            .OrderBy(f => f.Month).ThenBy(f => f.Currency, StringComparer.Ordinal).ToList();

        var scholarships = commons.Where(e => e.Kind == LedgerKind.Expense && e.Category == "scholarship")
            .GroupBy(e => e.Currency)
            .ToDictionary(g => g.Key, g => (-g.Sum(e => e.AmountMinor), g.Count(e => e.ReversesEntryId is null) - g.Count(e => e.ReversesEntryId is not null)));

        var goals = (await db.FundraisingGoals.AsNoTracking().OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken))
            .Select(g => new GoalFigure(g.Title, g.Currency, g.TargetMinor,
                commons.Where(e => e.Currency == g.Currency && e.Category == g.Category && e.Kind is LedgerKind.Contribution or LedgerKind.Transfer or LedgerKind.EventShare).Sum(e => e.AmountMinor)))
            .ToList();

        return new Report(balances, byMonth, recurring, events, expenses, scholarships, goals, entries.Count);
    }
}
