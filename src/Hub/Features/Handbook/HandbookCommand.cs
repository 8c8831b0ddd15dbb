using System.CommandLine;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Cli;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;

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

    /// <summary>The words of <c>handbook import</c> and <c>handbook export</c>, for the command line (Platform/Cli).</summary>
    public sealed class Syntax
    {
        private readonly Argument<string> source = new("SOURCE")
        {
            HelpName = "folder|git-url",
            Description = "A GitBook-format handbook: a folder, or a git URL to clone or pull.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        private readonly Option<string> title = CliOptions.Text("--title", "T", "The handbook's title (else the one it gives itself, or its home page's).");
        private readonly Option<string> author = CliOptions.Text("--author", "A", "Who wrote it (kept with the handbook, and in its exported books).");
        private readonly Option<bool> confirmRemovals = new("--confirm-removals") { Description = "Go on even when the import would remove more than half of the pages." };
        private readonly Option<string> format = new("--format") { HelpName = "epub|pdf", Description = "EPUB 3, or a PDF printed by Chromium (Handbook:ChromiumPath, default /usr/bin/chromium).", DefaultValueFactory = _ => "epub" };
        private readonly Option<string> outFile = CliOptions.Text("--out", "FILE", "Where to write the book.");
        private readonly CliCommand import;
        private readonly CliCommand export;

        public Command Command { get; }

        internal Syntax()
        {
            import = new CliCommand("import", "Import (or re-import in place) a GitBook-format handbook and print the report of problems; exit code 1 if it could not run. An import that would remove more than half of the pages stops unless --confirm-removals is given.")
            {
                Synopsis = ["handbook import <folder|git-url> [--title T] [--author A] [--confirm-removals]"],
            };
            import.Arguments.Add(source);
            import.Options.Add(title);
            import.Options.Add(author);
            import.Options.Add(confirmRemovals);
            import.Validators.Add(r =>
            {
                if (r.GetResult(source) is not { Tokens.Count: > 0 })
                {
                    r.AddError(CliWords.T["Cli.Handbook.ImportNeeds"]);
                }
            });
            export = new CliCommand("export", "Write the whole handbook as an EPUB 3 book, or as a PDF.")
            {
                Synopsis = ["handbook export --format epub|pdf --out FILE"],
            };
            export.Options.Add(format);
            export.Options.Add(outFile);
            format.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<string>() is var value && value is not ("epub" or "pdf"))
                {
                    r.AddError(CliWords.T["Cli.Handbook.UnknownFormat", value ?? ""]);
                }
            });
            export.Validators.Add(r =>
            {
                if (r.GetResult(outFile) is null)
                {
                    var named = r.GetResult(format)?.Tokens is [{ Value: "pdf" }, ..] ? "pdf" : "epub";
                    r.AddError(CliWords.T["Cli.Handbook.ExportNeeds", named]);
                }
            });
            var handbook = new CliCommand("handbook", "Import a handbook, or export it as a book.");
            handbook.Subcommands.Add(import);
            handbook.Subcommands.Add(export);
            Command = handbook;
        }

        /// <summary>The action the words chose, with its options.</summary>
        public HandbookCommand From(ParseResult parsed) => parsed.CommandResult.Command == export
            ? new HandbookCommand { Action = "export", Out = parsed.GetValue(outFile), Format = parsed.GetValue(format)! }
            : new HandbookCommand
            {
                Action = "import",
                Source = parsed.GetValue(source)!,
                Title = parsed.GetValue(title),
                Author = parsed.GetValue(author),
                ConfirmRemovals = parsed.GetValue(confirmRemovals),
            };
    }

    public static Syntax Definition() => new();

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
                    output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.00} s  {HandbookImportWords.Stage(p.Stage, CliWords.T)}{(p.Stage == "Rendering pages" ? $" ({p.PagesTotal})" : "")}");
                }
            }
        });
        // A folder needs nothing from the database to be read and rendered, so that starts at once, on other
        // threads, while the database opens: in a short command the two would otherwise take their turns.
        // (A git source is not fetched before the claim below: two pulls must not share one clone.)
        Task<RenderedHandbook>? readAhead = null;
        if (Action == "import" && !FetchHandbookSource.IsGitUrl(Source))
        {
            // Only a folder the import may read (never the data folder): the import checks again, and reports. Without
            // a scope or the refusals' words, which the import sets up while the pages render.
            var dataDirectory = services.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectoryFullPath;
            if (CheckHandbookSource.FolderToReadAhead(Source, dataDirectory) is { } folder)
            {
                var language = services.GetRequiredService<IOptions<HandbookOptions>>().Value.Language; // the words written into pages
                readAhead = Task.Run(() => RenderHandbookFolder.Run(folder, new Dictionary<string, GitFileHistory>(), progress, CancellationToken.None, language: language));
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
                    await scope.ServiceProvider.GetRequiredService<IFileStore>().CopyToFileAsync(ready.Key, to);
                    output.WriteLine(CliWords.T["Cli.Wrote", to, new FileInfo(to).Length / 1024]);
                    return 0;
                case ExportHandbookPdf.Failed failed:
                    output.WriteLine(failed.Reason);
                    return 1;
                default:
                    output.WriteLine(CliWords.T["Cli.Handbook.NothingToExport"]);
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
                    output.WriteLine(CliWords.T["Cli.Handbook.NothingToExport"]);
                    file.Close();
                    File.Delete(target);
                    return 1;
                }
            }
            output.WriteLine(CliWords.T["Cli.Wrote", target, new FileInfo(target).Length / 1024]);
            return 0;
        }
        // The same claim as the admin page and the schedule: never two imports at once, even from here.
        var record = await scope.ServiceProvider.GetRequiredService<HandbookImportGate>().TryStartAsync(Source, "command");
        if (record is null)
        {
            output.WriteLine(CliWords.T["Cli.Handbook.AnotherImport"]);
            return 1;
        }
        HandbookImport result = await scope.ServiceProvider.GetRequiredService<HandbookImportRunner>().RunAsync(record, new ImportHandbook.Settings(Title, Author, ConfirmRemovals ? int.MaxValue : 0), progress, readAhead);
        output.WriteLine(result.Succeeded
            ? CliWords.T["Cli.Handbook.Imported", Source, result.PagesAdded, result.PagesChanged, result.PagesRemoved, result.PagesUnchanged,
                (result.FinishedAt - result.StartedAt)?.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? ""]
            : result.Stage == ImportHandbook.NeedsConfirmation
                ? CliWords.T["Cli.Handbook.NeedsConfirmation", Source, result.PagesRemoved, result.PagesRemoved + result.PagesUnchanged]
                : CliWords.T["Cli.Handbook.CouldNotRun", Source]);
        output.WriteLine(CliWords.T.Plural("Cli.Handbook.Problems", result.ProblemCount));
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
