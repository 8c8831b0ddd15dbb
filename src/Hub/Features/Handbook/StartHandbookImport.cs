using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>The admin page's import: claims the hub's one import and runs it in the background, so the page can show its progress.</summary>
public sealed class StartHandbookImport(HandbookImportGate gate, HandbookImportRunner runner, CheckHandbookSource check, IStringLocalizer<Strings> strings)
{
    private string AnotherIsRunning => strings["Handbook.Refused.AnotherIsRunning"];

    public async Task<Outcome> RunAsync(string source, ImportHandbook.Settings settings, CancellationToken cancel = default)
    {
        // A source the page may not import (a folder that is not there or not allowed, the data folder, a
        // private git host) is said beside the field at once, not in a failed import's report later,
        // together with anything else that stands in the way. The import checks again when it runs.
        if (await check.RunAsync(source, fromWeb: true, cancel) is CheckHandbookSource.Refused refused)
        {
            List<(string, string)> problems = [("Input.Source", refused.Message)];
            if (await gate.IsHeldAsync(cancel))
            {
                problems.Add(("", AnotherIsRunning));
            }
            return Outcome.RefusedAll(problems)!;
        }
        var record = await gate.TryStartAsync(source, "admin", cancel);
        if (record is null)
        {
            return Outcome.Refused(AnotherIsRunning);
        }
        _ = runner.Start(record, settings);
        return Outcome.Done;
    }
}
