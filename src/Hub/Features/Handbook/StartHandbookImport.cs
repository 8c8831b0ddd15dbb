using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>The admin page's import: claims the hub's one import and runs it in the background, so the page can show its progress.</summary>
public sealed class StartHandbookImport(HandbookImportGate gate, HandbookImportRunner runner)
{
    private const string AnotherIsRunning = "Another import is running now: wait for it to finish, or cancel it.";

    public async Task<Outcome> RunAsync(string source, ImportHandbook.Settings settings, CancellationToken cancel = default)
    {
        // A folder that is not there is said beside the field at once, not in a failed import's report later,
        // together with anything else that stands in the way.
        if (!FetchHandbookSource.IsGitUrl(source) && !Directory.Exists(Path.GetFullPath(source)))
        {
            List<(string, string)> problems = [("Input.Source", $"There is no folder at '{source}' on the server. Give the full path of a folder the hub can read, or a git URL.")];
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
