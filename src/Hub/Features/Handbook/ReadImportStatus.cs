using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>The import running now (if any), the schedule and the history, for the admin page and its progress script.</summary>
public sealed class ReadImportStatus(HubDbContext db)
{
    public sealed record Status(HandbookImport? Running, HandbookSync Sync, IReadOnlyList<HandbookImport> History);

    public async Task<Status> RunAsync(int history = 10, CancellationToken cancel = default)
    {
        var sync = await db.Set<HandbookSync>().AsNoTracking().SingleAsync(s => s.Id == HandbookSync.SingletonId, cancel);
        var recent = await db.HandbookImports.AsNoTracking().OrderByDescending(i => i.Id).Take(history).ToListAsync(cancel);
        var running = sync.RunningImportId is { } id
            ? recent.FirstOrDefault(i => i.Id == id) ?? await db.HandbookImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancel)
            : null;
        return new(running is { FinishedAt: null } ? running : null, sync, recent);
    }

    /// <summary>What the progress script reads; "finished" tells it to reload the page for the report. The stage is also said in the reader's words.</summary>
    public static object Json(Status status, IStringLocalizer strings) => status.Running is { } r
        ? new
        {
            running = true,
            id = r.Id,
            stage = r.Stage,
            stageText = HandbookImportWords.Stage(r.Stage, strings),
            cancelRequested = r.CancelRequested,
            filesRead = r.FilesRead,
            filesTotal = r.FilesTotal,
            pagesRendered = r.PagesRendered,
            pagesTotal = r.PagesTotal,
        }
        : new
        {
            running = false,
            id = (status.History.Count > 0 ? status.History[0].Id : 0),
            stage = (status.History.Count > 0 ? status.History[0].Stage : ""),
            stageText = "",
            cancelRequested = false,
            filesRead = 0,
            filesTotal = 0,
            pagesRendered = 0,
            pagesTotal = 0
        };

    public static string Outcome(HandbookImport import) =>
        import.FinishedAt is null ? "Running"
        : import.Cancelled ? "Cancelled"
        : import.Stage == "Interrupted" ? "Interrupted"
        : import.Stage == ImportHandbook.NeedsConfirmation ? "Stopped: needs confirmation"
        : import.Succeeded ? "Imported" : "Failed";
}
