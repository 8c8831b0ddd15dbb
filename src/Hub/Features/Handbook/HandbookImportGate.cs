using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// One import at a time per hub, whoever starts it (the admin page, the schedule, the command line) and
/// on whichever web node: an import claims the <see cref="HandbookSync"/> row's lease with a conditional
/// UPDATE, renews it while it works, and frees it when done. A node that dies mid-import lets the lease
/// run out, and the next import marks the orphaned run as interrupted.
/// Plain SQL (<see cref="PlainConnections"/>), not EF: these few statements are most of what
/// <c>hub handbook import</c> asks of the database, and EF's first use cost the command more than the import.
/// Each change to the running import's row says so (<see cref="Topic"/>), so the admin page's progress follows it on
/// any node.
/// </summary>
public sealed class HandbookImportGate(PlainConnections connections, ForgetHandbookCopies forget, LiveSignals live, TimeProvider time)
{
    /// <summary>The live signal of the import's progress, start, end and cancelling.</summary>
    public const string Topic = "handbook-import";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The condition that picks the hub's one <see cref="HandbookSync"/> row.</summary>
    private static readonly string SyncRow = $"\"Id\" = {HandbookSync.SingletonId}";

    /// <summary>Whether an import holds the claim now: for telling a person, never for deciding (only the claim decides).</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancel = default)
    {
        await using var connection = await connections.OpenAsync(cancel);
        await using var held = PlainConnections.Command(connection, null,
            $"SELECT 1 FROM \"HandbookSync\" WHERE {SyncRow} AND \"ClaimedUntil\" IS NOT NULL AND \"ClaimedUntil\" >= @now", ("now", time.GetUtcNow().UtcDateTime));
        return await held.ExecuteScalarAsync(cancel) is not null;
    }

    /// <summary>
    /// Claims the hub's import and stores the run's row, or null when another import holds the claim (or,
    /// for the schedule, when the re-sync is no longer due: another node has just done it).
    /// </summary>
    public async Task<HandbookImport?> TryStartAsync(string source, string trigger, CancellationToken cancel = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        await using var connection = await connections.OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        var due = trigger == "schedule"
            ? $" AND \"Interval\" <> '{HandbookResyncInterval.Off}' AND \"NextDueAt\" IS NOT NULL AND \"NextDueAt\" <= @now"
            : "";
        await using (var claim = PlainConnections.Command(connection, transaction,
            $"UPDATE \"HandbookSync\" SET \"ClaimedUntil\" = @until WHERE {SyncRow} AND (\"ClaimedUntil\" IS NULL OR \"ClaimedUntil\" < @now){due}",
            ("until", until), ("now", now)))
        {
            if (await claim.ExecuteNonQueryAsync(cancel) == 0)
            {
                return null;
            }
        }
        await using (var interrupted = PlainConnections.Command(connection, transaction,
            "UPDATE \"HandbookImports\" SET \"FinishedAt\" = @now, \"Stage\" = 'Interrupted', \"Problems\" = @problems, \"ProblemCount\" = 1 WHERE \"FinishedAt\" IS NULL",
            ("now", now), ("problems", "The hub stopped during this import: nothing of it was published.")))
        {
            await interrupted.ExecuteNonQueryAsync(cancel);
        }
        var record = new HandbookImport { Source = source, StartedAt = now, Trigger = trigger, Stage = "Waiting to start" };
        await HandbookImportRows.InsertAsync(connection, transaction, record, cancel);
        await using (var running = PlainConnections.Command(connection, transaction,
            $"UPDATE \"HandbookSync\" SET \"RunningImportId\" = @id WHERE {SyncRow}", ("id", record.Id)))
        {
            await running.ExecuteNonQueryAsync(cancel);
        }
        await transaction.CommitAsync(cancel);
        await live.TellAsync(connection, Topic, CancellationToken.None);
        // A saved import row emptied the handbook's cached copies when it was saved through EF; it still does.
        await forget.RunAsync();
        return record;
    }

    /// <summary>Writes the run's progress and renews its lease; true when someone asked to cancel it.</summary>
    public async Task<bool> ReportAsync(int importId, ImportProgress progress, CancellationToken cancel = default)
    {
        var until = time.GetUtcNow().UtcDateTime + Lease;
        await using var connection = await connections.OpenAsync(cancel);
        await using (var write = PlainConnections.Command(connection, null,
            "UPDATE \"HandbookImports\" SET \"Stage\" = @stage, \"FilesRead\" = @filesRead, \"FilesTotal\" = @filesTotal, \"PagesRendered\" = @pagesRendered, " +
            "\"PagesTotal\" = @pagesTotal WHERE \"Id\" = @id AND \"FinishedAt\" IS NULL",
            ("stage", progress.Stage), ("filesRead", progress.FilesRead), ("filesTotal", progress.FilesTotal), ("pagesRendered", progress.PagesRendered),
            ("pagesTotal", progress.PagesTotal), ("id", importId)))
        {
            await write.ExecuteNonQueryAsync(cancel);
        }
        await using (var renew = PlainConnections.Command(connection, null,
            $"UPDATE \"HandbookSync\" SET \"ClaimedUntil\" = @until WHERE {SyncRow} AND \"RunningImportId\" = @id",
            ("until", until), ("id", importId)))
        {
            await renew.ExecuteNonQueryAsync(cancel);
        }
        await live.TellAsync(connection, Topic, CancellationToken.None);
        await using var asked = PlainConnections.Command(connection, null,
            "SELECT \"CancelRequested\" FROM \"HandbookImports\" WHERE \"Id\" = @id", ("id", importId));
        return await asked.ExecuteScalarAsync(cancel) is { } value and not DBNull && Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Frees the hub for the next import and, when a schedule is set, says when the next re-sync is due.</summary>
    public async Task FinishAsync(int importId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await connections.OpenAsync();
        await using var finish = PlainConnections.Command(connection, null,
            "UPDATE \"HandbookSync\" SET \"ClaimedUntil\" = NULL, \"RunningImportId\" = NULL, " +
            $"\"NextDueAt\" = CASE WHEN \"Interval\" = '{HandbookResyncInterval.Hourly}' THEN @hourly WHEN \"Interval\" = '{HandbookResyncInterval.Daily}' THEN @daily ELSE NULL END " +
            $"WHERE {SyncRow} AND \"RunningImportId\" = @id",
            ("hourly", now + ResyncHandbook.Period(HandbookResyncInterval.Hourly)), ("daily", now + ResyncHandbook.Period(HandbookResyncInterval.Daily)), ("id", importId));
        await finish.ExecuteNonQueryAsync(CancellationToken.None);
        await live.TellAsync(connection, Topic, CancellationToken.None); // the page shows the report
    }

    /// <summary>Asks the running import to stop; false when none is running.</summary>
    public async Task<bool> RequestCancelAsync(int importId, CancellationToken cancel = default)
    {
        await using var connection = await connections.OpenAsync(cancel);
        await using var ask = PlainConnections.Command(connection, null,
            "UPDATE \"HandbookImports\" SET \"CancelRequested\" = @yes WHERE \"Id\" = @id AND \"FinishedAt\" IS NULL", ("yes", true), ("id", importId));
        if (await ask.ExecuteNonQueryAsync(cancel) == 0)
        {
            return false;
        }
        await live.TellAsync(connection, Topic, CancellationToken.None); // every open page says "Cancelling…"
        return true;
    }
}
