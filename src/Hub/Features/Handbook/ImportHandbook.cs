using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Imports a GitBook-format handbook from a folder or a git URL into the database, in place: pages
/// keep their URLs, what changed is recorded, and every problem goes into the report. A bad page never
/// stops the import.
/// </summary>
public sealed class ImportHandbook(HubDbContext db, IOptions<HubOptions> hub, IOptions<HandbookOptions> options, CheckHandbookSource check, DownloadRemoteImages downloads, TimeProvider time, ILogger<ImportHandbook> log)
{
    /// <param name="ConfirmedRemovals">
    /// How many pages the person starting the import has agreed it may remove. An import that would
    /// remove more than half of the handbook, and more pages than this, stops before it changes anything:
    /// a git host that answers with an empty or unrelated repository must not empty the published handbook.
    /// </param>
    public sealed record Settings(string? Title = null, string? Author = null, int ConfirmedRemovals = 0);

    /// <summary>The stage of a run that stopped because it would remove more than half of the pages; its counts say what it would have done.</summary>
    public const string NeedsConfirmation = "Needs confirmation";

    /// <param name="record">The run's row when it was stored at the start (a background import shows its progress there); else a new one is added.</param>
    public async Task<HandbookImport> RunAsync(string source, Settings? settings = null, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default, HandbookImport? record = null, Task<RenderedHandbook>? readAhead = null)
    {
        record ??= new HandbookImport { Source = source, StartedAt = time.GetUtcNow().UtcDateTime };
        var problems = new List<HandbookProblem>();
        var stopped = false;
        try
        {
            await ImportAsync(source, settings ?? new(), record, problems, progress, readAhead, cancel);
            record.Succeeded = true;
        }
        catch (RemovalsNotConfirmed unconfirmed)
        {
            stopped = true;
            problems.Add(new(source, 0, unconfirmed.Message));
        }
        catch (ImportFailed failed)
        {
            problems.Add(new(source, 0, failed.Message));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Everything is saved in one transaction at the end, so stopping before its commit changes nothing.
            record.Cancelled = true;
            record.PagesAdded = record.PagesChanged = record.PagesRemoved = record.PagesUnchanged = 0;
            record.Changes = "";
            problems.Add(new(source, 0, "Cancelled before anything was saved: the published handbook is exactly as it was."));
        }
        record.FinishedAt = time.GetUtcNow().UtcDateTime;
        record.Stage = record.Cancelled ? "Cancelled" : record.Succeeded ? "Done" : stopped ? NeedsConfirmation : "Failed";
        record.Problems = string.Join('\n', problems);
        record.ProblemCount = problems.Count;
        db.ChangeTracker.Clear();
        if (record.Id == 0)
        {
            db.HandbookImports.Add(record);
        }
        else
        {
            db.HandbookImports.Update(record);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        log.LogInformation("Handbook import from {Source}: {Added} added, {Changed} changed, {Removed} removed, {Problems} problems",
            source, record.PagesAdded, record.PagesChanged, record.PagesRemoved, record.ProblemCount);
        return record;
    }

    private class ImportFailed(string message) : Exception(message);

    private sealed class RemovalsNotConfirmed(int removals, int pages) : ImportFailed(
        $"This import would remove {removals} of the {pages} pages of the handbook, so it stopped and changed nothing. " +
        "If the source is right (and not an empty or unrelated repository), import again and confirm the removal: " +
        $"tick \"Yes, remove {removals} of {pages} pages\" on the admin page, or add --confirm-removals to hub handbook import. " +
        "The scheduled re-sync never removes that many pages by itself.");

    private async Task ImportAsync(string source, Settings settings, HandbookImport record, List<HandbookProblem> problems, IProgress<ImportProgress>? progress, Task<RenderedHandbook>? readAhead, CancellationToken cancel)
    {
        // A cancel asked for before the import began is honoured before it reads or fetches anything.
        cancel.ThrowIfCancellationRequested();
        var dataDirectory = hub.Value.DataDirectoryFullPath;
        // Checked here too, whoever started the import: the admin page's own check ran before the claim. The
        // command line and the demo's first start (a folder the hub ships) may read folders the admin page may not.
        var checkedSource = await check.RunAsync(source, fromWeb: record.Trigger is not ("command" or "first start"), cancel);
        var isGit = checkedSource is CheckHandbookSource.Git;
        string folder;
        switch (checkedSource)
        {
            case CheckHandbookSource.Refused refused:
                throw new ImportFailed(refused.Message);
            case CheckHandbookSource.Git git:
                progress?.Report(new($"Fetching {source} with git"));
                var (clone, error) = await FetchHandbookSource.RunAsync(git, dataDirectory, cancel);
                folder = clone ?? throw new ImportFailed(error ?? "git failed.");
                break;
            default:
                folder = ((CheckHandbookSource.Folder)checkedSource).Path;
                break;
        }

        RenderedHandbook read;
        var history = isGit ? await FetchHandbookSource.HistoryAsync(folder, cancel) : [];
        if (readAhead is not null)
        {
            // Read and rendered before this run was claimed (the command line starts it while the database opens).
            read = await readAhead.WaitAsync(cancel);
            progress?.Report(new("Rendering pages", read.MarkdownFiles, read.MarkdownFiles, read.Pages.Count, read.Pages.Count));
        }
        else
        {
            read = RenderHandbookFolder.Run(folder, history, progress, cancel);
        }
        if (options.Value.DownloadRemoteImages && read.RemoteImages.Count > 0)
        {
            // Only the pages know where their images are: once the copies are here, the book is rendered again with them.
            var copies = await downloads.RunAsync(read.RemoteImages, Path.Combine(dataDirectory, "handbook", "remote-images"), progress, cancel);
            read = RenderHandbookFolder.Run(folder, history, progress, cancel, copies);
        }
        problems.AddRange(read.Problems);
        var pageCount = read.Pages.Count;
        var now = time.GetUtcNow().UtcDateTime;

        progress?.Report(new("Saving", read.MarkdownFiles, read.MarkdownFiles, pageCount, pageCount));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            // Only what the comparison needs: the pages' text stays in the database.
            var existing = await db.HandbookPages.AsNoTracking().Select(p => new StoredPage(p.Id, p.SourcePath, p.ContentHash))
                .ToDictionaryAsync(p => p.SourcePath, cancel);
            var incoming = read.Pages.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
            var changes = new List<string>();
            record.PagesAdded = record.PagesChanged = record.PagesRemoved = record.PagesUnchanged = 0;
            var gone = existing.Values.Where(p => !incoming.Contains(p.SourcePath)).OrderBy(p => p.SourcePath, StringComparer.Ordinal).ToList();
            // The demo's handbook, imported at the first start, is there to be replaced: that needs no confirmation.
            var replacingDemo = gone.Count > 0 && await db.HandbookImports.Where(i => i.Succeeded).OrderByDescending(i => i.Id)
                .Select(i => i.Trigger).FirstOrDefaultAsync(cancel) == "first start";
            if (gone.Count * 2 > existing.Count && gone.Count > settings.ConfirmedRemovals && !replacingDemo)
            {
                // What it would have done, for the report and the admin page's "yes, remove N of M pages".
                record.PagesRemoved = gone.Count;
                record.PagesUnchanged = existing.Count - gone.Count;
                record.PagesAdded = read.Pages.Count(p => !existing.ContainsKey(p.SourcePath));
                throw new RemovalsNotConfirmed(gone.Count, existing.Count);
            }
            // Pages whose URL moves to another file are removed first, so the unique index holds.
            foreach (var chunk in gone.Chunk(500))
            {
                var ids = chunk.Select(p => p.Id).ToList();
                await db.HandbookPages.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancel);
            }
            foreach (var page in gone)
            {
                changes.Add($"removed {page.SourcePath}");
                record.PagesRemoved++;
            }
            var added = new List<HandbookPage>();
            var changed = new List<HandbookPage>();
            foreach (var page in read.Pages)
            {
                page.ContentHash = Hash(page);
                page.ImportedAt = now;
                if (!existing.TryGetValue(page.SourcePath, out var old))
                {
                    added.Add(page);
                    changes.Add($"added {page.SourcePath}");
                    record.PagesAdded++;
                }
                else if (old.ContentHash != page.ContentHash)
                {
                    page.Id = old.Id;
                    changed.Add(page);
                    changes.Add($"changed {page.SourcePath}");
                    record.PagesChanged++;
                }
                else
                {
                    record.PagesUnchanged++;
                }
            }
            // Rows, not tracked entities: SaveChanges sent one INSERT ... RETURNING per page on SQLite, with
            // change tracking around each, and that was most of an import's time (docs/benchmarks.md).
            await HandbookPageRows.UpdateAsync(db, changed, cancel);
            await HandbookPageRows.InsertAsync(db, added, cancel);
            if (record.PagesUnchanged > 0)
            {
                await db.HandbookPages.Where(p => p.ImportedAt != now).ExecuteUpdateAsync(u => u.SetProperty(p => p.ImportedAt, now), cancel);
            }
            var info = await db.Handbooks.OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
            if (info is null)
            {
                info = new HandbookInfo();
                db.Handbooks.Add(info);
            }
            info.Source = source;
            info.SourceIsGit = isGit;
            info.EditUrlPrefix = isGit ? EditUrlPrefix(source, read.RootPrefix) : null;
            info.NavigationJson = JsonSerializer.Serialize(read.Navigation);
            info.RedirectsJson = JsonSerializer.Serialize(read.Redirects.ToDictionary(
                r => r.Key, r => read.ByUrl.ContainsValue(r.Value) ? read.UrlOf(r.Value) : null));
            foreach (var (from, to) in read.Redirects.Where(r => !read.ByUrl.ContainsValue(r.Value)))
            {
                problems.Add(new(".gitbook.yaml", 0, $"Redirect from '{from}' goes to '{to}', which is not a page: it answers 404."));
            }
            info.Title = settings.Title is { Length: > 0 } title ? title
                : info.Title is { Length: > 0 } and not "Handbook" ? info.Title
                : read.Pages.FirstOrDefault(p => p.Path.Length == 0)?.Title ?? "Handbook";
            if (settings.Author is { Length: > 0 } author)
            {
                info.Author = author;
            }
            info.ImportedAt = now;
            await db.SaveChangesAsync(cancel);
            progress?.Report(new("Indexing", read.MarkdownFiles, read.MarkdownFiles, pageCount, pageCount));
            if (record.PagesAdded + record.PagesChanged + record.PagesRemoved > 0)
            {
                await HandbookSearch.ReindexAsync(db, cancel);
            }
            // The last moment a cancel is honoured: after the commit the new handbook is published.
            cancel.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None);
            record.Changes = string.Join('\n', changes);
        });
        progress?.Report(new("Copying files", read.MarkdownFiles, read.MarkdownFiles, pageCount, pageCount, pageCount));
        // Images and downloads are copied after the commit, so a cancelled import leaves the published files alone too.
        PublishAssets(read.Assets, Path.Combine(dataDirectory, "handbook", "files"), problems);
    }

    private sealed record StoredPage(int Id, string SourcePath, string ContentHash);

    private static string Hash(HandbookPage page) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001',
        page.Path, page.Title, page.Description, page.Cover, page.Hidden, page.Markdown, page.Html, page.Outline, page.Order, page.ParentPath, page.InSummary, page.UpdatedAt.Ticks, page.Author))));

    private static string? EditUrlPrefix(string url, string rootPrefix)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        path = path.EndsWith(".git", StringComparison.Ordinal) ? path[..^4] : path;
        return uri.Host switch
        {
            "github.com" => $"https://github.com{path}/edit/HEAD/{rootPrefix}",
            "gitlab.com" or "codeberg.org" => uri.Host == "gitlab.com" ? $"https://gitlab.com{path}/-/edit/HEAD/{rootPrefix}" : $"https://codeberg.org{path}/_edit/HEAD/{rootPrefix}",
            _ => null,
        };
    }

    /// <summary>
    /// Copies the files that pages show or link to, and removes every other file from the published folder
    /// (those of an earlier import that no page uses any more, or anything else put there), so the hub
    /// serves exactly what the handbook references.
    /// </summary>
    private static void PublishAssets(IReadOnlyDictionary<string, string> assets, string target, List<HandbookProblem> problems)
    {
        foreach (var (relative, full) in assets)
        {
            var destination = Path.Combine(target, relative);
            try
            {
                var source = new FileInfo(full);
                var existing = new FileInfo(destination);
                if (existing.Exists && existing.Length == source.Length && existing.LastWriteTimeUtc >= source.LastWriteTimeUtc)
                {
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(full, destination, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(relative, 0, $"Could not copy the file: {e.Message}"));
            }
        }
        if (!Directory.Exists(target))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).ToList())
        {
            var relative = Path.GetRelativePath(target, file).Replace('\\', '/').Normalize(NormalizationForm.FormC);
            if (!assets.ContainsKey(relative))
            {
                TryDelete(() => File.Delete(file), relative, problems);
            }
        }
        // Deepest first, so a folder emptied by its children goes too.
        foreach (var folder in Directory.EnumerateDirectories(target, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                TryDelete(() => Directory.Delete(folder), Path.GetRelativePath(target, folder), problems);
            }
        }
    }

    private static void TryDelete(Action delete, string relative, List<HandbookProblem> problems)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(relative, 0, $"Could not remove the file, which no page uses any more: {e.Message}"));
        }
    }

}
