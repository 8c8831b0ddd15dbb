using System.Text;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Localization;
using YamlDotNet.RepresentationModel;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Reads a GitBook-format folder and renders every page, without the database: .gitbook.yaml, the files,
/// SUMMARY.md's order and each page's HTML. The import saves what this returns; because it needs nothing
/// else, the command line starts it while the database is still being opened.
/// </summary>
public static class RenderHandbookFolder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="history">Each file's last commit time and authors by its path in a git clone; empty for a plain folder (the file's own time is used).</param>
    /// <param name="downloaded">Copies of images on other sites, by their address, that pages show instead of a link.</param>
    /// <param name="language">The handbook's language (<c>Handbook:Language</c>), of the few words the import writes into pages.</param>
    public static RenderedHandbook Run(string folder, IReadOnlyDictionary<string, GitFileHistory> history, IProgress<ImportProgress>? progress, CancellationToken cancel,
        IReadOnlyDictionary<string, RemoteImageCopy>? downloaded = null, string language = Languages.English)
    {
        var problems = new List<HandbookProblem>();
        var (root, readme, summaryName, redirects) = ReadGitBookYaml(folder, problems);
        var rootFolder = Path.GetFullPath(Path.Combine(folder, root));
        // Compared as real paths: a root that is a symbolic link must not lead out of the folder.
        if (!IsInside(folder, rootFolder) || !Directory.Exists(rootFolder)
            || !HandbookPaths.IsSameOrInside(HandbookPaths.RealPath(rootFolder), HandbookPaths.RealPath(folder)))
        {
            problems.Add(new(".gitbook.yaml", 0, $"root '{root}' is not a folder inside the handbook: the top folder is used."));
            rootFolder = folder;
        }

        progress?.Report(new("Reading files"));
        var files = ListFiles(rootFolder, problems);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var markdownFiles = files.Where(f => f.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        var filesRead = 0;
        progress?.Report(new("Reading files", 0, markdownFiles.Count));
        foreach (var (relative, full) in markdownFiles)
        {
            cancel.ThrowIfCancellationRequested();
            var text = ReadText(full);
            progress?.Report(new("Reading files", ++filesRead, markdownFiles.Count));
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
        var links = new Links(texts, files, UrlOf, downloaded ?? new Dictionary<string, RemoteImageCopy>());

        progress?.Report(new("Rendering pages", filesRead, markdownFiles.Count, 0, byUrl.Count));
        var rootPrefix = Path.GetRelativePath(folder, rootFolder).Replace('\\', '/') is "." ? "" : Path.GetRelativePath(folder, rootFolder).Replace('\\', '/') + "/";
        var renderer = new RenderHandbookPage { Language = language };
        var rendered = new List<HandbookPage>();
        var position = order.Count;
        // Only the files that a page shows or links to are published: never the rest of the folder.
        var assets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var remoteImages = new SortedSet<string>(StringComparer.Ordinal);
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
            foreach (var asset in page.Assets)
            {
                assets[asset] = files.TryGetValue(asset, out var file) ? file : links.DownloadedFile(asset);
            }
            remoteImages.UnionWith(page.RemoteImages ?? []);
            var cover = page.Cover is { } coverSource && HandbookPaths.Resolve(sourcePath, coverSource) is { } coverPath && links.AssetExists(coverPath) ? coverPath : null;
            if (cover is not null)
            {
                assets[cover] = files[cover];
            }
            var known = order.TryGetValue(sourcePath, out var entry);
            var git = history.GetValueOrDefault(rootPrefix + sourcePath);
            rendered.Add(new HandbookPage
            {
                SourcePath = sourcePath,
                Path = url,
                Title = page.FirstHeading ?? (known ? entry.Title : null) ?? Path.GetFileNameWithoutExtension(sourcePath),
                Description = page.Description,
                Cover = cover is null ? null : RenderHandbookPage.AssetUrl(cover),
                Hidden = page.Hidden,
                Markdown = texts[sourcePath],
                Html = page.Html,
                PlainText = page.PlainText,
                Outline = string.Join('\n', page.Outline.Select(h => $"{h.Level}|{h.Id}|{h.Text}")),
                Order = known ? entry.Order : position++,
                ParentPath = known ? entry.Parent : null,
                InSummary = known,
                UpdatedAt = git?.LastChanged ?? File.GetLastWriteTimeUtc(files[sourcePath]),
                // The page's own word first; else whoever committed to it; else (null) the handbook's author.
                Author = page.Author ?? RenderHandbookPage.CreditLine(git?.Authors ?? []),
            });
        }

        return new RenderedHandbook(rootPrefix, files, assets, navigation, redirects, byUrl, UrlOf, rendered, problems, markdownFiles.Count, [.. remoteImages]);
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

    private static bool IsInside(string folder, string path) =>
        Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar).Equals(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
        || Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed class Links(Dictionary<string, string> texts, Dictionary<string, string> files, Func<string, string> urlOf, IReadOnlyDictionary<string, RemoteImageCopy> downloaded) : IHandbookLinks
    {
        private readonly Dictionary<string, string> downloadedFiles = downloaded.Values
            .Where(d => d.AssetPath is not null).DistinctBy(d => d.AssetPath).ToDictionary(d => d.AssetPath!, d => d.File!, StringComparer.Ordinal);
        public RemoteImageCopy? RemoteImage(string url) => downloaded.GetValueOrDefault(url);
        public string DownloadedFile(string assetPath) => downloadedFiles[assetPath];
        public string? PagePath(string sourcePath) => texts.ContainsKey(sourcePath) ? urlOf(sourcePath) : null;
        public bool AssetExists(string sourcePath) =>
            !sourcePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && sourcePath != ".gitbook.yaml" && files.ContainsKey(sourcePath);
        public string? ReadText(string sourcePath) => texts.TryGetValue(sourcePath, out var text) ? text : null;
    }
}

/// <summary>A handbook folder read and rendered: the pages in order (not yet saved), and what the import needs besides.</summary>
/// <param name="Files">Every file by its relative path, with its full path.</param>
/// <param name="Assets">The files that some page shows or links to (images, downloads), by relative path with the full path: the only ones the import copies and the hub serves.</param>
/// <param name="MarkdownFiles">How many .md files were read (a file that is not text counts, and is in the problems).</param>
/// <param name="ByUrl">Each page's source path by its URL under /handbook.</param>
public sealed record RenderedHandbook(
    string RootPrefix,
    Dictionary<string, string> Files,
    IReadOnlyDictionary<string, string> Assets,
    List<NavItem> Navigation,
    Dictionary<string, string> Redirects,
    Dictionary<string, string> ByUrl,
    Func<string, string> UrlOf,
    List<HandbookPage> Pages,
    List<HandbookProblem> Problems,
    int MarkdownFiles,
    IReadOnlyList<string> RemoteImages);

/// <summary>What the import's download of an image on another site gave: a copy to show, or why there is none.</summary>
/// <param name="AssetPath">The copy's path among the handbook's files (served under /handbook-files/); null when it was not downloaded.</param>
/// <param name="File">The downloaded file, which the import publishes with the book's own files.</param>
/// <param name="Failure">Why there is no copy ("the server answered 404"), for the report.</param>
public sealed record RemoteImageCopy(string? AssetPath, string? File, string? Failure);
