using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>The admin page's import: claims the hub's one import and runs it in the background, so the page can show its progress.</summary>
public sealed class StartHandbookImport(HandbookImportGate gate, HandbookImportRunner runner)
{
    public async Task<Outcome> RunAsync(string source, ImportHandbook.Settings settings, CancellationToken cancel = default)
    {
        var record = await gate.TryStartAsync(source, "admin", cancel);
        if (record is null)
        {
            return Outcome.Refused("Another import is running now: wait for it to finish, or cancel it.");
        }
        _ = runner.Start(record, settings);
        return Outcome.Done;
    }
}
