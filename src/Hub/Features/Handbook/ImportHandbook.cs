using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Configuration;
using YamlDotNet.RepresentationModel;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Imports a GitBook-format handbook from a folder or a git URL into the database, in place: pages
/// keep their URLs, what changed is recorded, and every problem goes into the report. A bad page never
/// stops the import.
/// </summary>
public sealed class ImportHandbook(HubDbContext db, IOptions<HubOptions> hub, TimeProvider time, ILogger<ImportHandbook> log)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Settings(string? Title = null, string? Author = null);

    /// <param name="record">The run's row when it was stored at the start (a background import shows its progress there); else a new one is added.</param>
    public async Task<HandbookImport> RunAsync(string source, Settings? settings = null, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default, HandbookImport? record = null)
    {
        record ??= new HandbookImport { Source = source, StartedAt = time.GetUtcNow().UtcDateTime };
        var problems = new List<HandbookProblem>();
        try
        {
            await ImportAsync(source, settings ?? new(), record, problems, progress, cancel);
            record.Succeeded = true;
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
        record.Stage = record.Cancelled ? "Cancelled" : record.Succeeded ? "Done" : "Failed";
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

    private sealed class ImportFailed(string message) : Exception(message);

    private async Task ImportAsync(string source, Settings settings, HandbookImport record, List<HandbookProblem> problems, IProgress<ImportProgress>? progress, CancellationToken cancel)
    {
        var dataDirectory = hub.Value.DataDirectoryFullPath;
        var isGit = FetchHandbookSource.IsGitUrl(source);
        string folder;
        if (isGit)
        {
            progress?.Report(new($"Fetching {source} with git"));
            var (clone, error) = await FetchHandbookSource.RunAsync(source, dataDirectory, cancel);
            folder = clone ?? throw new ImportFailed(error ?? "git failed.");
        }
        else
        {
            folder = Path.GetFullPath(source);
            if (!Directory.Exists(folder))
            {
                throw new ImportFailed($"There is no folder at '{source}'.");
            }
        }

        var (root, readme, summaryName, redirects) = ReadGitBookYaml(folder, problems);
        var rootFolder = Path.GetFullPath(Path.Combine(folder, root));
        if (!IsInside(folder, rootFolder) || !Directory.Exists(rootFolder))
        {
            problems.Add(new(".gitbook.yaml", 0, $"root '{root}' is not a folder inside the handbook: the top folder is used."));
            rootFolder = folder;
        }

        progress?.Report(new("Reading files"));
        var files = ListFiles(rootFolder, problems);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var markdownFiles = files.Where(f => f.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        var filesRead = 0;
        foreach (var (relative, full) in markdownFiles)
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Report(new("Reading files", ++filesRead, markdownFiles.Count));
            var text = ReadText(full);
            if (text is null)
            {
                problems.Add(new(relative, 0, "Not a readable UTF-8 text file (binary, or another encoding): skipped."));
                continue;
            }
            texts[relative] = text;
        }
        // .gitbook.yaml may name another file as the home page: it answers at /handbook, and a README.md beside it does not.
        readme = HandbookPaths.Resolve("", readme) ?? "README.md";
        string UrlOf(string sourcePath) => sourcePath == readme ? "" : HandbookPaths.UrlPathOf(sourcePath) is { Length: 0 } && readme != "README.md" ? "README" : HandbookPaths.UrlPathOf(sourcePath);
        var summaryPath = texts.ContainsKey(summaryName) ? summaryName : texts.Keys.FirstOrDefault(k => k.Equals(summaryName, StringComparison.OrdinalIgnoreCase));
        var navigation = summaryPath is null
            ? []
            : ReadSummary.Run(texts[summaryPath], summaryPath, texts.ContainsKey, UrlOf, problems);
        if (summaryPath is null)
        {
            problems.Add(new(summaryName, 0, "There is no SUMMARY.md: pages are listed by path."));
        }

        // SUMMARY order first, with each page's parent for breadcrumbs; then every other page by path.
        var order = new Dictionary<string, (int Order, string? Parent, string Title)>(StringComparer.Ordinal);
        void Walk(IEnumerable<NavItem> items, string? parent)
        {
            foreach (var item in items)
            {
                if (item.SourcePath is { } page && !order.ContainsKey(page))
                {
                    order[page] = (order.Count, parent, item.Title);
                }
                Walk(item.Children, item.Path ?? parent);
            }
        }
        Walk(navigation, null);
        var pagePaths = texts.Keys.Where(k => k != summaryPath).ToList();
        var byUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pagePaths.OrderBy(p => order.TryGetValue(p, out var o) ? o.Order : int.MaxValue).ThenBy(p => p, StringComparer.Ordinal))
        {
            if (!byUrl.TryAdd(UrlOf(page), page))
            {
                problems.Add(new(page, 0, $"Another file already has the URL /handbook/{UrlOf(page)}: skipped."));
                texts.Remove(page);
            }
        }
        var links = new Links(texts, files, UrlOf);

        progress?.Report(new("Rendering pages", filesRead, markdownFiles.Count, 0, byUrl.Count));
        var lastChanged = isGit ? await FetchHandbookSource.LastChangesAsync(folder, cancel) : [];
        var rootPrefix = Path.GetRelativePath(folder, rootFolder).Replace('\\', '/') is "." ? "" : Path.GetRelativePath(folder, rootFolder).Replace('\\', '/') + "/";
        var renderer = new RenderHandbookPage();
        var now = time.GetUtcNow().UtcDateTime;
        var rendered = new List<HandbookPage>();
        var position = order.Count;
        // Pages render independently (the renderer only reads shared state), so they use every core.
        var sources = byUrl.ToArray();
        var renders = new RenderedPage[sources.Length];
        var pagesRendered = 0;
        Parallel.For(0, sources.Length, new ParallelOptions { CancellationToken = cancel }, i =>
        {
            renders[i] = renderer.Run(sources[i].Value, texts[sources[i].Value], links);
            progress?.Report(new("Rendering pages", filesRead, markdownFiles.Count, Interlocked.Increment(ref pagesRendered), sources.Length));
        });
        for (var i = 0; i < sources.Length; i++)
        {
            var (url, sourcePath) = sources[i];
            var page = renders[i];
            problems.AddRange(page.Problems);
            var known = order.TryGetValue(sourcePath, out var entry);
            rendered.Add(new HandbookPage
            {
                SourcePath = sourcePath,
                Path = url,
                Title = page.FirstHeading ?? (known ? entry.Title : null) ?? Path.GetFileNameWithoutExtension(sourcePath),
                Description = page.Description,
                Cover = page.Cover is { } cover && HandbookPaths.Resolve(sourcePath, cover) is { } coverPath && links.AssetExists(coverPath)
                    ? RenderHandbookPage.AssetUrl(coverPath) : null,
                Hidden = page.Hidden,
                Markdown = texts[sourcePath],
                Html = page.Html,
                PlainText = page.PlainText,
                Outline = string.Join('\n', page.Outline.Select(h => $"{h.Level}|{h.Id}|{h.Text}")),
                Order = known ? entry.Order : position++,
                ParentPath = known ? entry.Parent : null,
                InSummary = known,
                UpdatedAt = lastChanged.TryGetValue(rootPrefix + sourcePath, out var changed) ? changed
                    : File.GetLastWriteTimeUtc(files[sourcePath]),
            });
        }

        progress?.Report(new("Saving", filesRead, markdownFiles.Count, sources.Length, sources.Length));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var existing = await db.HandbookPages.ToDictionaryAsync(p => p.SourcePath, cancel);
            var changes = new List<string>();
            record.PagesAdded = record.PagesChanged = record.PagesRemoved = record.PagesUnchanged = 0;
            // Pages whose URL moves to another file are removed first, so the unique index holds.
            foreach (var gone in existing.Values.Where(p => !byUrl.ContainsValue(p.SourcePath)).ToList())
            {
                db.HandbookPages.Remove(gone);
                existing.Remove(gone.SourcePath);
                changes.Add($"removed {gone.SourcePath}");
                record.PagesRemoved++;
            }
            await db.SaveChangesAsync(cancel);
            foreach (var page in rendered)
            {
                page.ContentHash = Hash(page);
                page.ImportedAt = now;
                if (!existing.TryGetValue(page.SourcePath, out var old))
                {
                    db.HandbookPages.Add(page);
                    changes.Add($"added {page.SourcePath}");
                    record.PagesAdded++;
                }
                else if (old.ContentHash != page.ContentHash)
                {
                    page.Id = old.Id;
                    db.Entry(old).CurrentValues.SetValues(page);
                    changes.Add($"changed {page.SourcePath}");
                    record.PagesChanged++;
                }
                else
                {
                    old.ImportedAt = now;
                    record.PagesUnchanged++;
                }
            }
            var info = await db.Handbooks.OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
            if (info is null)
            {
                info = new HandbookInfo();
                db.Handbooks.Add(info);
            }
            info.Source = source;
            info.SourceIsGit = isGit;
            info.EditUrlPrefix = isGit ? EditUrlPrefix(source, rootPrefix) : null;
            info.NavigationJson = JsonSerializer.Serialize(navigation);
            info.RedirectsJson = JsonSerializer.Serialize(redirects.ToDictionary(
                r => r.Key, r => byUrl.ContainsValue(r.Value) ? UrlOf(r.Value) : null));
            foreach (var (from, to) in redirects.Where(r => !byUrl.ContainsValue(r.Value)))
            {
                problems.Add(new(".gitbook.yaml", 0, $"Redirect from '{from}' goes to '{to}', which is not a page: it answers 404."));
            }
            info.Title = settings.Title is { Length: > 0 } title ? title
                : info.Title is { Length: > 0 } and not "Handbook" ? info.Title
                : rendered.FirstOrDefault(p => p.Path.Length == 0)?.Title ?? "Handbook";
            if (settings.Author is { Length: > 0 } author)
            {
                info.Author = author;
            }
            info.ImportedAt = now;
            await db.SaveChangesAsync(cancel);
            progress?.Report(new("Indexing", filesRead, markdownFiles.Count, sources.Length, sources.Length));
            if (record.PagesAdded + record.PagesChanged + record.PagesRemoved > 0)
            {
                await HandbookSearch.ReindexAsync(db, cancel);
            }
            // The last moment a cancel is honoured: after the commit the new handbook is published.
            cancel.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None);
            record.Changes = string.Join('\n', changes);
        });
        progress?.Report(new("Copying files", filesRead, markdownFiles.Count, sources.Length, sources.Length, sources.Length));
        // Images and downloads are copied after the commit, so a cancelled import leaves the published files alone too.
        CopyAssets(files, Path.Combine(dataDirectory, "handbook", "files"), problems, CancellationToken.None);
    }

    private static string Hash(HandbookPage page) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001',
        page.Path, page.Title, page.Description, page.Cover, page.Hidden, page.Markdown, page.Html, page.Outline, page.Order, page.ParentPath, page.InSummary, page.UpdatedAt.Ticks))));

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

    private static (string Root, string Readme, string Summary, Dictionary<string, string> Redirects) ReadGitBookYaml(string folder, List<HandbookProblem> problems)
    {
        var path = Path.Combine(folder, ".gitbook.yaml");
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return ("./", "README.md", "SUMMARY.md", redirects);
        }
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(path)));
            if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode map)
            {
                return ("./", "README.md", "SUMMARY.md", redirects);
            }
            string? Scalar(YamlMappingNode node, string key) =>
                node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;
            var root = Scalar(map, "root") ?? "./";
            var structure = map.Children.TryGetValue(new YamlScalarNode("structure"), out var s) ? s as YamlMappingNode : null;
            var readme = structure is null ? null : Scalar(structure, "readme");
            var summary = structure is null ? null : Scalar(structure, "summary");
            if (map.Children.TryGetValue(new YamlScalarNode("redirects"), out var r) && r is YamlMappingNode redirectMap)
            {
                foreach (var (key, value) in redirectMap.Children)
                {
                    if (key is YamlScalarNode { Value: { } from } && value is YamlScalarNode { Value: { } to })
                    {
                        var target = HandbookPaths.Resolve("", to);
                        if (target is null)
                        {
                            problems.Add(new(".gitbook.yaml", (int)key.Start.Line, $"Redirect to '{to}' leaves the handbook folder: ignored."));
                            continue;
                        }
                        redirects[from.Trim('/')] = target;
                    }
                }
            }
            return (root, readme ?? "README.md", summary ?? "SUMMARY.md", redirects);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add(new(".gitbook.yaml", (int)e.Start.Line, $"Not valid YAML ({e.Message}): defaults are used."));
            return ("./", "README.md", "SUMMARY.md", redirects);
        }
    }

    /// <summary>Every file under the folder by its NFC relative path; symbolic links and .git are left alone.</summary>
    private static Dictionary<string, string> ListFiles(string root, List<HandbookProblem> problems)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/').Normalize(NormalizationForm.FormC);
                if (entry.LinkTarget is not null)
                {
                    problems.Add(new(relative, 0, "A symbolic link: not followed, so nothing outside the folder is read."));
                    continue;
                }
                if (entry is DirectoryInfo directory)
                {
                    if (directory.Name != ".git" && directory.Name != "node_modules")
                    {
                        pending.Push(directory.FullName);
                    }
                }
                else if (!files.TryAdd(relative, entry.FullName))
                {
                    problems.Add(new(relative, 0, "Two files have this name (once composed, once decomposed Unicode): the second is skipped."));
                }
            }
        }
        return files;
    }

    private static string? ReadText(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return null;
            }
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (Exception e) when (e is DecoderFallbackException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void CopyAssets(Dictionary<string, string> files, string target, List<HandbookProblem> problems, CancellationToken cancel)
    {
        foreach (var (relative, full) in files)
        {
            cancel.ThrowIfCancellationRequested();
            if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || relative == ".gitbook.yaml")
            {
                continue;
            }
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
    }

    private static bool IsInside(string folder, string path) =>
        Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar).Equals(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
        || Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed class Links(Dictionary<string, string> texts, Dictionary<string, string> files, Func<string, string> urlOf) : IHandbookLinks
    {
        public string? PagePath(string sourcePath) => texts.ContainsKey(sourcePath) ? urlOf(sourcePath) : null;
        public bool AssetExists(string sourcePath) => !sourcePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && files.ContainsKey(sourcePath);
        public string? ReadText(string sourcePath) => texts.TryGetValue(sourcePath, out var text) ? text : null;
    }
}
