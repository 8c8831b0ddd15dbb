using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// After the event, hosts close it: income (tickets paid, less scholarships granted, plus other income)
/// and costs are final, and every <see cref="IEventSettledHandler"/> books its consequences (the commons'
/// share of the surplus) in the same unit of work, so the close and its consequences commit together.
/// </summary>
public sealed class CloseEvent(HubDbContext db, TimeProvider time, GatheringEmails emails, IEnumerable<IEventSettledHandler> handlers,
    IStringLocalizer<Strings> strings)
{
    public sealed record Budget(decimal TicketIncome, decimal OtherIncome, decimal Costs, decimal Unpaid)
    {
        public decimal Income => TicketIncome + OtherIncome;
        public decimal Surplus => Income - Costs;
    }

    public async Task<Budget> BudgetAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.EventId == eventId).Select(t => new { t.Amount, t.Granted, t.Paid }).ToListAsync(cancellationToken);
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.EventId == eventId).Select(l => new { l.IsIncome, l.Amount }).ToListAsync(cancellationToken);
        return new Budget(
            tickets.Where(t => t.Paid).Sum(t => t.Amount - t.Granted),
            lines.Where(l => l.IsIncome).Sum(l => l.Amount),
            lines.Where(l => !l.IsIncome).Sum(l => l.Amount),
            tickets.Where(t => !t.Paid).Sum(t => t.Amount - t.Granted));
    }

    public async Task<(Outcome Outcome, Budget? Budget)> RunAsync(Viewer viewer, Guid eventId, CancellationToken cancellationToken = default)
    {
        var e = await db.GatheringEvents.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return (Outcome.Refused(strings["Gatherings.Refused.OnlyHostsClose"]), null);
        }
        if (e.ClosedAt is not null)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.ClosedAlready"]), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (EventSchedule.IsRecurring(e))
        {
            return (Outcome.Refused(strings["Gatherings.Refused.CloseRepeating"]), null);
        }
        if (e.EndsAt > now)
        {
            return (Outcome.Refused(strings["Gatherings.Refused.CloseAfter"]), null);
        }
        var budget = await BudgetAsync(eventId, cancellationToken);
        e.ClosedAt = now;
        HostLog.Record(db, e.Id, viewer.UserId, StoredWords.Of("Log.Event.Closed"), now);
        var settled = new EventSettled(e.Id, e.Title, emails.PageOf(e), e.EndsAt, e.Currency, budget.Income, budget.Costs, viewer.UserId!);
        foreach (var handler in handlers)
        {
            await handler.OnSettledAsync(settled, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, budget);
    }
}
