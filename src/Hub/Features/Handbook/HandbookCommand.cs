using Microsolidarity.Hub.Data.Handbook;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// <c>hub handbook import &lt;folder|git-url&gt;</c> (the same import as the admin page, printing the report)
/// and <c>hub handbook export --format epub --out FILE</c>. An import that would remove more than half of
/// the pages runs only with <c>--confirm-removals</c>.
/// </summary>
public sealed class HandbookCommand
{
    public string Action { get; private init; } = "";
    public string Source { get; private init; } = "";
    public string? Title { get; private init; }
    public string? Author { get; private init; }
    public bool ConfirmRemovals { get; private init; }
    public string? Out { get; private init; }
    public string Format { get; private init; } = "epub";

    public static (HandbookCommand? Command, string? Error) Parse(List<string> rest)
    {
        if (rest.Count == 0 || rest[0] is not ("import" or "export"))
        {
            return (null, "handbook needs an action: handbook import <folder|git-url>");
        }
        var action = rest[0];
        rest.RemoveAt(0);
        string? Option(string name)
        {
            var at = rest.IndexOf(name);
            if (at < 0 || at + 1 >= rest.Count)
            {
                return null;
            }
            var value = rest[at + 1];
            rest.RemoveRange(at, 2);
            return value;
        }
        if (action == "export")
        {
            var format = Option("--format") ?? "epub";
            var file = Option("--out");
            if (format is not ("epub" or "pdf"))
            {
                return (null, $"Unknown format '{format}': use --format epub or --format pdf.");
            }
            return file is null ? (null, $"handbook export needs --out FILE, e.g. --out handbook.{format}") : (new HandbookCommand { Action = action, Out = file, Format = format }, null);
        }
        var title = Option("--title");
        var author = Option("--author");
        var confirmRemovals = rest.Remove("--confirm-removals");
        var at = rest.FindIndex(a => !a.StartsWith('-'));
        if (at < 0)
        {
            return (null, "handbook import needs a folder or a git URL: handbook import <folder|git-url>");
        }
        var source = rest[at];
        rest.RemoveAt(at);
        return (new HandbookCommand { Action = action, Source = source, Title = title, Author = author, ConfirmRemovals = confirmRemovals }, null);
    }

    /// <summary>
    /// Sets up the renderer's libraries on the thread pool, for an import: HtmlSanitizer's and AngleSharp's static
    /// tables (AngleSharp.Css builds a dictionary per CSS keyword type, generic code that ReadyToRun cannot compile
    /// ahead) cost about a third of a second of CPU before the first page renders, and nothing waits for them yet.
    /// </summary>
    public void PrepareAhead()
    {
        if (Action == "import")
        {
            _ = Task.Run(() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(RenderHandbookPage).TypeHandle));
        }
    }

    /// <summary>Brings the database up to date (as every command does), then imports or exports.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var stage = "";
        var progress = new SynchronousProgress(p =>
        {
            // Only each new stage is printed: pages render in parallel and report one by one.
            lock (output)
            {
                if (p.Stage != stage)
                {
                    stage = p.Stage;
                    output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.00} s  {p.Stage}{(p.Stage == "Rendering pages" ? $" ({p.PagesTotal})" : "")}");
                }
            }
        });
        // A folder needs nothing from the database to be read and rendered, so that starts at once, on other
        // threads, while the database opens: in a short command the two would otherwise take their turns.
        // (A git source is not fetched before the claim below: two pulls must not share one clone.)
        Task<RenderedHandbook>? readAhead = null;
        if (Action == "import" && !FetchHandbookSource.IsGitUrl(Source))
        {
            // Only a folder the import may read (never the data folder): the import checks again, and reports.
            using var checkScope = services.CreateScope();
            if (await checkScope.ServiceProvider.GetRequiredService<CheckHandbookSource>().RunAsync(Source, fromWeb: false) is CheckHandbookSource.Folder folder)
            {
                readAhead = Task.Run(() => RenderHandbookFolder.Run(folder.Path, new Dictionary<string, GitFileHistory>(), progress, CancellationToken.None));
            }
        }
        await Platform.Data.DatabaseStartup.MigrateAsync(services, force: false);
        using var scope = services.CreateScope();
        if (Action == "export" && Format == "pdf")
        {
            switch (await scope.ServiceProvider.GetRequiredService<ExportHandbookPdf>().RunAsync())
            {
                case ExportHandbookPdf.Ready ready:
                    var to = Path.GetFullPath(Out!);
                    File.Copy(ready.File, to, overwrite: true);
                    output.WriteLine($"Wrote {to} ({new FileInfo(to).Length / 1024} KiB).");
                    return 0;
                case ExportHandbookPdf.Failed failed:
                    output.WriteLine(failed.Reason);
                    return 1;
                default:
                    output.WriteLine("There is no handbook to export yet: import one with hub handbook import <folder|git-url>.");
                    return 1;
            }
        }
        if (Action == "export")
        {
            var target = Path.GetFullPath(Out!);
            await using (var file = File.Create(target))
            {
                if (!await scope.ServiceProvider.GetRequiredService<ExportHandbookEpub>().RunAsync(file))
                {
                    output.WriteLine("There is no handbook to export yet: import one with hub handbook import <folder|git-url>.");
                    file.Close();
                    File.Delete(target);
                    return 1;
                }
            }
            output.WriteLine($"Wrote {target} ({new FileInfo(target).Length / 1024} KiB).");
            return 0;
        }
        // The same claim as the admin page and the schedule: never two imports at once, even from here.
        var record = await scope.ServiceProvider.GetRequiredService<HandbookImportGate>().TryStartAsync(Source, "command");
        if (record is null)
        {
            output.WriteLine("Another import is running now (from the admin page or the schedule): try again when it is done.");
            return 1;
        }
        HandbookImport result = await scope.ServiceProvider.GetRequiredService<HandbookImportRunner>().RunAsync(record, new ImportHandbook.Settings(Title, Author, ConfirmRemovals ? int.MaxValue : 0), progress, readAhead);
        output.WriteLine(result.Succeeded
            ? $"Imported {Source}: {result.PagesAdded} added, {result.PagesChanged} changed, {result.PagesRemoved} removed, {result.PagesUnchanged} unchanged, in {(result.FinishedAt - result.StartedAt)?.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s."
            : result.Stage == ImportHandbook.NeedsConfirmation
                ? $"The import from {Source} stopped and changed nothing: it would remove {result.PagesRemoved} of the {result.PagesRemoved + result.PagesUnchanged} pages. If that is right, run it again with --confirm-removals."
                : $"The import from {Source} could not run.");
        output.WriteLine($"{result.ProblemCount} problems.");
        if (result.Problems.Length > 0)
        {
            output.WriteLine(result.Problems);
        }
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>Reports at once, in order (Progress&lt;T&gt; posts to the thread pool and may reorder lines).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
