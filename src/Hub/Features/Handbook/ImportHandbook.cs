using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Imports a GitBook-format handbook from a folder or a git URL into the database, in place: pages
/// keep their URLs, what changed is recorded, and every problem goes into the report. A bad page never
/// stops the import.
/// It writes with plain SQL (<see cref="PlainConnections"/>), not EF: on the command line EF's first use cost
/// more than the import's own work (docs/benchmarks.md), so the handbook's cached copies are dropped here
/// (<see cref="ForgetHandbookCopies"/>) instead of by the interceptor that watches EF's saves.
/// </summary>
public sealed class ImportHandbook(PlainConnections connections, ForgetHandbookCopies forget, IOptions<HubOptions> hub, IOptions<HandbookOptions> options, CheckHandbookSource check, DownloadRemoteImages downloads, IFileStore files, TimeProvider time, ILogger<ImportHandbook> log)
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
    public async Task<HandbookImport> RunAsync(string source, Settings? settings = null, IProgress<ImportProgress>? progress = null, HandbookImport? record = null, Task<RenderedHandbook>? readAhead = null, CancellationToken cancel = default)
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
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            if (record.Id == 0)
            {
                await HandbookImportRows.InsertAsync(connection, null, record, CancellationToken.None);
            }
            else
            {
                await HandbookImportRows.UpdateAsync(connection, null, record, CancellationToken.None);
            }
        }
        await forget.RunAsync();
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
            read = RenderHandbookFolder.Run(folder, history, progress, cancel, language: options.Value.Language);
        }
        if (options.Value.DownloadRemoteImages && read.RemoteImages.Count > 0)
        {
            // Only the pages know where their images are: once the copies are here, the book is rendered again with them.
            var copies = await downloads.RunAsync(read.RemoteImages, Path.Combine(dataDirectory, "handbook", "remote-images"), progress, cancel);
            read = RenderHandbookFolder.Run(folder, history, progress, cancel, copies, options.Value.Language);
        }
        problems.AddRange(read.Problems);
        var pageCount = read.Pages.Count;
        var now = time.GetUtcNow().UtcDateTime;

        progress?.Report(new("Saving", read.MarkdownFiles, read.MarkdownFiles, pageCount, pageCount));
        await using (var connection = await connections.OpenAsync(cancel))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancel);
            // Only what the comparison needs: the pages' text stays in the database.
            var existing = await StoredPagesAsync(connection, transaction, cancel);
            var incoming = read.Pages.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
            var changes = new List<string>();
            record.PagesAdded = record.PagesChanged = record.PagesRemoved = record.PagesUnchanged = 0;
            var gone = existing.Values.Where(p => !incoming.Contains(p.SourcePath)).OrderBy(p => p.SourcePath, StringComparer.Ordinal).ToList();
            // The demo's handbook, imported at the first start, is there to be replaced: that needs no confirmation.
            var replacingDemo = gone.Count > 0 && await LastSucceededTriggerAsync(connection, transaction, cancel) == "first start";
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
                await using var delete = PlainConnections.Command(connection, transaction,
                    $"DELETE FROM \"HandbookPages\" WHERE \"Id\" IN ({string.Join(", ", chunk.Select((_, i) => $"@id{i}"))})",
                    [.. chunk.Select((p, i) => ($"id{i}", (object?)p.Id))]);
                await delete.ExecuteNonQueryAsync(cancel);
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
            await HandbookPageRows.UpdateAsync(connection, transaction, changed, cancel);
            await HandbookPageRows.InsertAsync(connection, transaction, added, cancel);
            if (record.PagesUnchanged > 0)
            {
                await using var stamp = PlainConnections.Command(connection, transaction,
                    "UPDATE \"HandbookPages\" SET \"ImportedAt\" = @now WHERE \"ImportedAt\" <> @now", ("now", now));
                await stamp.ExecuteNonQueryAsync(cancel);
            }
            var info = await HandbookInfoRow.ReadAsync(connection, transaction, cancel) ?? new HandbookInfo();
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
            await HandbookInfoRow.SaveAsync(connection, transaction, info, cancel);
            progress?.Report(new("Indexing", read.MarkdownFiles, read.MarkdownFiles, pageCount, pageCount));
            if (record.PagesAdded + record.PagesChanged + record.PagesRemoved > 0)
            {
                await HandbookSearch.ReindexAsync(connection, transaction, cancel);
            }
            // The last moment a cancel is honoured: after the commit the new handbook is published.
            cancel.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None);
            record.Changes = string.Join('\n', changes);
        }
        await forget.RunAsync();
        progress?.Report(new("Copying files", read.MarkdownFiles, read.MarkdownFiles, pageCount, pageCount));
        // Images and downloads are copied after the commit, so a cancelled import leaves the published files alone too.
        await PublishAssetsAsync(read.Assets, problems);
    }

    private sealed record StoredPage(int Id, string SourcePath, string ContentHash);

    private static async Task<Dictionary<string, StoredPage>> StoredPagesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancel)
    {
        var pages = new Dictionary<string, StoredPage>(StringComparer.Ordinal);
        await using var command = PlainConnections.Command(connection, transaction, "SELECT \"Id\", \"SourcePath\", \"ContentHash\" FROM \"HandbookPages\"");
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            var page = new StoredPage(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            pages.Add(page.SourcePath, page);
        }
        return pages;
    }

    /// <summary>What started the last import that succeeded (null when none did).</summary>
    private static async Task<string?> LastSucceededTriggerAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancel)
    {
        await using var command = PlainConnections.Command(connection, transaction,
            "SELECT \"Trigger\" FROM \"HandbookImports\" WHERE \"Succeeded\" = @yes ORDER BY \"Id\" DESC LIMIT 1", ("yes", true));
        return await command.ExecuteScalarAsync(cancel) as string;
    }

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
    /// Copies the files that pages show or link to into the file store (handbook/files/; unchanged ones, by
    /// size and age, are left alone), and removes every other file there (those of an earlier import that no
    /// page uses any more, or anything else put there), so the hub serves exactly what the handbook references.
    /// </summary>
    private async Task PublishAssetsAsync(IReadOnlyDictionary<string, string> assets, List<HandbookProblem> problems)
    {
        var stored = new Dictionary<string, StoredFileInfo>(StringComparer.Ordinal);
        try
        {
            await foreach (var file in files.ListAsync(HandbookFeature.FilesPrefix, CancellationToken.None))
            {
                stored[file.Key[HandbookFeature.FilesPrefix.Length..].Normalize(NormalizationForm.FormC)] = file;
            }
        }
        catch (FileStoreUnavailableException e)
        {
            // The pages are published already; their images come with the next import once the store answers.
            problems.Add(new("", 0, $"Could not copy the handbook's images and downloads: {e.Message}"));
            return;
        }
        // A few files at a time: each copy mostly waits for the disk or the object store, and the import waits for
        // all of them (the corpus's 16 MB took a tenth of the whole command one by one). Problems keep the files' order.
        var copies = assets.ToArray();
        var copyProblems = new HandbookProblem?[copies.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, copies.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var (relative, full) = copies[i];
            var key = HandbookFeature.FilesPrefix + relative;
            if (!FileKeys.IsValid(key))
            {
                copyProblems[i] = new(relative, 0, "Could not copy the file: its name cannot be served.");
                return;
            }
            try
            {
                var source = new FileInfo(full);
                if (stored.TryGetValue(relative, out var existing) && existing.Length == source.Length && existing.LastModified >= source.LastWriteTimeUtc)
                {
                    return;
                }
                await files.PutFileAsync(key, full, HandbookFileTypes.Provider.TryGetContentType(relative, out var type) ? type : HandbookFileTypes.Download,
                    CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FileStoreUnavailableException)
            {
                copyProblems[i] = new(relative, 0, $"Could not copy the file: {e.Message}");
            }
        });
        problems.AddRange(copyProblems.OfType<HandbookProblem>());
        foreach (var (relative, file) in stored)
        {
            if (!assets.ContainsKey(relative))
            {
                try
                {
                    await files.DeleteAsync(file.Key, CancellationToken.None);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FileStoreUnavailableException)
                {
                    problems.Add(new(relative, 0, $"Could not remove the file, which no page uses any more: {e.Message}"));
                }
            }
        }
    }

}
