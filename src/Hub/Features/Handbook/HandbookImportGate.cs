using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// One import at a time per hub, whoever starts it (the admin page, the schedule, the command line) and
/// on whichever web node: an import claims the <see cref="HandbookSync"/> row's lease with a conditional
/// UPDATE, renews it while it works, and frees it when done. A node that dies mid-import lets the lease
/// run out, and the next import marks the orphaned run as interrupted.
/// </summary>
public sealed class HandbookImportGate(HubDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private IQueryable<HandbookSync> Sync => db.Set<HandbookSync>().Where(s => s.Id == HandbookSync.SingletonId);

    /// <summary>Whether an import holds the claim now: for telling a person, never for deciding (only the claim decides).</summary>
    public Task<bool> IsHeldAsync(CancellationToken cancel = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Sync.AnyAsync(s => s.ClaimedUntil != null && s.ClaimedUntil >= now, cancel);
    }

    /// <summary>
    /// Claims the hub's import and stores the run's row, or null when another import holds the claim (or,
    /// for the schedule, when the re-sync is no longer due: another node has just done it).
    /// </summary>
    public async Task<HandbookImport?> TryStartAsync(string source, string trigger, CancellationToken cancel = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var free = Sync.Where(s => s.ClaimedUntil == null || s.ClaimedUntil < now);
            if (trigger == "schedule")
            {
                free = free.Where(s => s.Interval != HandbookResyncInterval.Off && s.NextDueAt != null && s.NextDueAt <= now);
            }
            if (await free.ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, until), cancel) == 0)
            {
                return null;
            }
            await db.HandbookImports.Where(i => i.FinishedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.FinishedAt, now)
                .SetProperty(i => i.Stage, "Interrupted")
                .SetProperty(i => i.Problems, "The hub stopped during this import: nothing of it was published.")
                .SetProperty(i => i.ProblemCount, 1), cancel);
            var record = new HandbookImport { Source = source, StartedAt = now, Trigger = trigger, Stage = "Waiting to start" };
            db.HandbookImports.Add(record);
            await db.SaveChangesAsync(cancel);
            await Sync.ExecuteUpdateAsync(s => s.SetProperty(x => x.RunningImportId, record.Id), cancel);
            await transaction.CommitAsync(cancel);
            db.Entry(record).State = EntityState.Detached;
            return record;
        });
    }

    /// <summary>Writes the run's progress and renews its lease; true when someone asked to cancel it.</summary>
    public async Task<bool> ReportAsync(int importId, ImportProgress progress, CancellationToken cancel = default)
    {
        var until = time.GetUtcNow().UtcDateTime + Lease;
        await db.HandbookImports.Where(i => i.Id == importId && i.FinishedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Stage, progress.Stage)
            .SetProperty(i => i.FilesRead, progress.FilesRead)
            .SetProperty(i => i.FilesTotal, progress.FilesTotal)
            .SetProperty(i => i.PagesRendered, progress.PagesRendered)
            .SetProperty(i => i.PagesTotal, progress.PagesTotal)
            .SetProperty(i => i.PagesIndexed, progress.PagesIndexed), cancel);
        await Sync.Where(s => s.RunningImportId == importId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, until), cancel);
        return await db.HandbookImports.Where(i => i.Id == importId).Select(i => i.CancelRequested).FirstOrDefaultAsync(cancel);
    }

    /// <summary>Frees the hub for the next import and, when a schedule is set, says when the next re-sync is due.</summary>
    public async Task FinishAsync(int importId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hourly = now + ResyncHandbook.Period(HandbookResyncInterval.Hourly);
        var daily = now + ResyncHandbook.Period(HandbookResyncInterval.Daily);
        await Sync.Where(s => s.RunningImportId == importId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
            .SetProperty(x => x.RunningImportId, (int?)null)
            .SetProperty(x => x.NextDueAt, x => x.Interval == HandbookResyncInterval.Hourly ? hourly
                : x.Interval == HandbookResyncInterval.Daily ? daily : (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Asks the running import to stop; false when none is running.</summary>
    public async Task<bool> RequestCancelAsync(int importId, CancellationToken cancel = default) =>
        await db.HandbookImports.Where(i => i.Id == importId && i.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CancelRequested, true), cancel) > 0;
}
