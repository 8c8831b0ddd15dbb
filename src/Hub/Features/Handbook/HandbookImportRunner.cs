using System.Collections.Concurrent;
using System.Diagnostics;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Observability;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Runs a claimed import in the background of this node: it writes the import's progress to its row a
/// few times a second (so the admin page, on any node, can show a progress bar), renews the claim, and
/// stops when the row says someone pressed Cancel. The claim is always freed at the end.
/// </summary>
public sealed class HandbookImportRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, HandbookPdfPreparer pdf, ILogger<HandbookImportRunner> log)
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(300);
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    /// <summary>
    /// Starts the import on the thread pool and returns at once; the returned task ends with it. Its report is stored in
    /// English, whoever started it, as an import from the schedule or the command line writes it; the admin page says its
    /// stage and outcome in its reader's words.
    /// </summary>
    public Task Start(HandbookImport record, ImportHandbook.Settings settings) => Task.Run(() =>
    {
        System.Globalization.CultureInfo.CurrentUICulture = Platform.Localization.Languages.CultureOf(Platform.Localization.Languages.English);
        return RunAsync(record, settings);
    });

    /// <summary>Cancels at once when the import runs on this node; on another node it stops at its next progress write.</summary>
    public void CancelHere(int importId)
    {
        if (running.TryGetValue(importId, out var cancel))
        {
            cancel.Cancel();
        }
    }

    /// <param name="readAhead">The folder already being read and rendered (by the command line), if it is.</param>
    public async Task<HandbookImport> RunAsync(HandbookImport record, ImportHandbook.Settings settings, IProgress<ImportProgress>? echo = null, Task<RenderedHandbook>? readAhead = null)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        using var stopWatching = new CancellationTokenSource();
        running[record.Id] = cancel;
        var latest = new LatestProgress(new ImportProgress("Starting"), echo);
        Task? watching = null;
        using var activity = HubTelemetry.Source.StartActivity("handbook import");
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            // A cancel asked for before the import began is honoured before it reads anything.
            if (await ReportAsync(record.Id, latest.Value))
            {
                await cancel.CancelAsync();
            }
            watching = WatchAsync(record.Id, latest, cancel, stopWatching.Token);
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(record.Source, settings, latest, record, readAhead, cancel.Token);
            outcome = result.Succeeded ? "imported" : cancel.IsCancellationRequested ? "cancelled" : "failed";
            if (result.Succeeded)
            {
                // So the first download of the new handbook's PDF is immediate (on the command line nothing is listening).
                pdf.AfterImport();
            }
            return result;
        }
        catch (Exception e)
        {
            // ImportHandbook turns expected failures into its report; this is a bug or a lost database.
            log.LogError(e, "Handbook import {Id} from {Source} failed", record.Id, record.Source);
            throw;
        }
        finally
        {
            HubTelemetry.HandbookImports.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, HubTelemetry.Tag("outcome", outcome));
            await stopWatching.CancelAsync();
            if (watching is not null)
            {
                await watching;
            }
            running.TryRemove(record.Id, out _);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<HandbookImportGate>().FinishAsync(record.Id);
        }
    }

    private async Task WatchAsync(int importId, LatestProgress latest, CancellationTokenSource cancel, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ReportEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (await ReportAsync(importId, latest.Value))
                {
                    await cancel.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The import has finished.
        }
    }

    private async Task<bool> ReportAsync(int importId, ImportProgress progress)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HandbookImportGate>().ReportAsync(importId, progress);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // SQLite may be busy with the import's own transaction; the next tick tries again.
            log.LogDebug(e, "Could not write the progress of handbook import {Id}", importId);
            return false;
        }
    }

    /// <summary>Keeps only the newest report (the database needs no more), and passes each on to the command line's printer.</summary>
    private sealed class LatestProgress(ImportProgress first, IProgress<ImportProgress>? echo) : IProgress<ImportProgress>
    {
        private ImportProgress value = first;
        public ImportProgress Value => Volatile.Read(ref value);

        public void Report(ImportProgress progress)
        {
            Volatile.Write(ref value, progress);
            echo?.Report(progress);
        }
    }
}
