using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>
/// Once a concern's time to acknowledge has passed without an acknowledgement, its care contacts (and the
/// administrators, when it went to them) are reminded, once. Each concern is claimed with a conditional update of
/// its reminder time, so two nodes never remind twice.
/// </summary>
public sealed class RemindOfConcerns(HubDbContext db, ConcernNotices notices, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Concerns.AsNoTracking()
            .Where(x => x.AcknowledgedAt == null && x.ClosedAt == null && x.ReminderSentAt == null && x.AcknowledgeBy <= now)
            .OrderBy(x => x.AcknowledgeBy).Take(100).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var concern in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Concerns.Where(x => x.Id == concern.Id && x.ReminderSentAt == null && x.AcknowledgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var congregation = await db.Congregations.AsNoTracking().SingleAsync(c => c.Id == concern.CongregationId, cancellationToken);
            await notices.ReminderAsync(congregation, concern, await ConcernRules.TendersAsync(db, concern, cancellationToken), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        if (sent > 0)
        {
            notices.Wake();
        }
        return sent;
    }
}
