using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The scheduled re-sync: when the next-due time stored in the database has passed, pull the handbook's
/// git URL and import it again, through the same claim as every other import (so never two at once).
/// </summary>
public sealed class ResyncHandbook(HubDbContext db, HandbookImportGate gate, HandbookImportRunner runner, TimeProvider time)
{
    public static TimeSpan Period(HandbookResyncInterval interval) => interval switch
    {
        HandbookResyncInterval.Hourly => TimeSpan.FromHours(1),
        HandbookResyncInterval.Daily => TimeSpan.FromDays(1),
        _ => TimeSpan.Zero,
    };

    /// <summary>Runs the re-sync when it is due; returns the run, or null when nothing was due (or another import is running).</summary>
    public async Task<HandbookImport?> RunDueAsync(CancellationToken cancel = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sync = await db.Set<HandbookSync>().AsNoTracking().SingleAsync(s => s.Id == HandbookSync.SingletonId, cancel);
        if (sync.Interval == HandbookResyncInterval.Off || sync.NextDueAt is null || sync.NextDueAt > now)
        {
            return null;
        }
        var info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        if (info is not { SourceIsGit: true })
        {
            // Only a git URL can be pulled; the admin page says so. Look again after one period.
            await db.Set<HandbookSync>().Where(s => s.Id == HandbookSync.SingletonId && s.NextDueAt == sync.NextDueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, now + Period(sync.Interval)), cancel);
            return null;
        }
        var record = await gate.TryStartAsync(info.Source, "schedule", cancel);
        return record is null ? null : await runner.RunAsync(record, new ImportHandbook.Settings());
    }
}
