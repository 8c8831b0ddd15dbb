using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsolidarity.Hub.Platform.Localization;
using YamlDotNet.RepresentationModel;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>A problem found in one file, for the import report.</summary>
public sealed record HandbookProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

public sealed record HeadingEntry(int Level, string Id, string Text);

/// <param name="Assets">The source paths of the book's files this page shows or links to (images, downloads): only these are published.</param>
/// <param name="Author">Who wrote the page, from its front matter's <c>author</c> (one name or a list), if it says.</param>
/// <param name="RemoteImages">Images on other sites that the page shows as links, because no copy of them was downloaded.</param>
public sealed record RenderedPage(
    string Html, string PlainText, string? FirstHeading, IReadOnlyList<HeadingEntry> Outline,
    string? Description, bool Hidden, string? Cover, IReadOnlyList<HandbookProblem> Problems, IReadOnlyCollection<string> Assets,
    string? Author = null, IReadOnlyList<string>? RemoteImages = null);

/// <summary>What a page needs to know about the rest of the book to resolve its links.</summary>
public interface IHandbookLinks
{
    /// <summary>The URL path of the page with this source path (NFC), or null when there is none.</summary>
    string? PagePath(string sourcePath);

    /// <summary>True when a non-Markdown file (an image, a download) exists at this source path.</summary>
    bool AssetExists(string sourcePath);

    /// <summary>The text of a file for <c>{% include %}</c>, or null when it cannot be read.</summary>
    string? ReadText(string sourcePath);

    /// <summary>What the import's download of an image on another site gave, or null when it was not tried (the image stays a link).</summary>
    RemoteImageCopy? RemoteImage(string url) => null;
}

/// <summary>
/// Turns one GitBook Markdown file into safe HTML: front matter, GitBook tags, links to hub URLs,
/// assets, heading ids and anchors. Every problem is returned with its line; nothing throws on bad input.
/// </summary>
public sealed partial class RenderHandbookPage
{
    public const string AssetPrefix = "/handbook-files/";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .UseMathematics()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Use<GitBookTagsExtension>()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// The language the handbook is written in (<c>Handbook:Language</c>): the few words the import writes into a page (an
    /// image left as a link, a heading's anchor, a diagram's caption) are part of its text, so they are in its language.
    /// </summary>
    public string Language { get; init; } = Languages.English;

    private static readonly System.Resources.ResourceManager Words = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    private string Say(string key, params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            Words.GetString(key, Languages.CultureOf(Languages.Normalize(Language) ?? Languages.English)) ?? key, arguments);
    private static readonly string[] SelfClosingTags = ["embed", "file", "include"];

    public RenderedPage Run(string sourcePath, string markdown, IHandbookLinks links)
    {
        var problems = new List<HandbookProblem>();
        var (body, frontMatter, offset) = SplitFrontMatter(markdown, sourcePath, problems);
        body = CloseSelfClosingTags(InlineIncludes(body, sourcePath, links, problems, depth: 0));

        var document = Markdown.Parse(body, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case GitBookTagBlock tag when !GitBookTagParser.KnownTags.Contains(tag.Name):
                    problems.Add(new(sourcePath, tag.Line + 1 + offset, $"Unknown tag {{% {tag.Name} %}}: its content is shown as plain text."));
                    break;
                case GitBookTagBlock tag when !tag.Closed:
                    problems.Add(new(sourcePath, tag.Line + 1 + offset, $"{{% {tag.Name} %}} is never closed with {{% end{tag.Name} %}}: it runs to the end of the page."));
                    break;
            }
        }
        // The sanitiser parses the HTML into a DOM anyway: the link, heading and outline passes work on
        // that same DOM, so each page is parsed and serialised once.
        var dom = Sanitizer.SanitizeDom(document.ToHtml(Pipeline));
        // Each further use of the same URL is looked for after the previous one, so repeated links get their own lines.
        var searchedFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        int LineOf(string url) => FindLine(markdown, url, searchedFrom);
        var assets = new HashSet<string>(StringComparer.Ordinal);
        var remoteImages = new List<string>();
        RewriteLinks(dom, sourcePath, links, problems, LineOf, assets, remoteImages);
        NumberCodeLines(dom);
        MarkDiagrams(dom);
        var firstHeading = TakeFirstHeading(dom);
        var plain = Collapse(dom.Body!.TextContent);
        var outline = FixHeadings(dom);

        return new RenderedPage(dom.Body.InnerHtml, plain, firstHeading, outline,
            Text(frontMatter, "description"), Text(frontMatter, "hidden") is "true" or "True",
            Text(frontMatter, "cover"), problems, assets, Names(frontMatter, "author") ?? Names(frontMatter, "authors"), remoteImages);
    }

    private static (string Body, YamlMappingNode? FrontMatter, int LineOffset) SplitFrontMatter(string markdown, string file, List<HandbookProblem> problems)
    {
        var match = FrontMatter().Match(markdown);
        if (!match.Success)
        {
            return (markdown, null, 0);
        }
        var offset = match.Value.Count(c => c == '\n');
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(match.Groups["yaml"].Value));
            return (markdown[match.Length..], yaml.Documents.FirstOrDefault()?.RootNode as YamlMappingNode, offset);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add(new(file, (int)e.Start.Line + 1, $"The front matter is not valid YAML ({e.Message}); it is ignored."));
            return (markdown[match.Length..], null, offset);
        }
    }

    private static string? Text(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar
            ? scalar.Value?.Trim() : null;

    /// <summary>One name (<c>author: Ilse Marrow</c>) or a list of them, joined for the credit line.</summary>
    private static string? Names(YamlMappingNode? map, string key)
    {
        if (map is null || !map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }
        List<string> names = node switch
        {
            YamlScalarNode scalar => [scalar.Value?.Trim() ?? ""],
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value?.Trim() ?? "").ToList(),
            _ => [],
        };
        return CreditLine(names.Where(n => n.Length > 0).ToList());
    }

    /// <summary>"Ana", "Ana and Ben", "Ana, Ben and Cai"; past a few names, "and N others", so the line (and the column) stays short.</summary>
    public static string? CreditLine(IReadOnlyList<string> names)
    {
        const int Shown = 6;
        if (names.Count == 0)
        {
            return null;
        }
        var shown = names.Take(names.Count > Shown ? Shown - 1 : Shown).Select(n => n.Length > 100 ? n[..100] : n).ToList();
        var others = names.Count - shown.Count;
        return others > 0 ? $"{string.Join(", ", shown)} and {others} others"
            : shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown[..^1])} and {shown[^1]}";
    }

    private static string InlineIncludes(string body, string sourcePath, IHandbookLinks links, List<HandbookProblem> problems, int depth)
    {
        if (!body.Contains("{% include", StringComparison.Ordinal))
        {
            return body;
        }
        return IncludeTag().Replace(body, m =>
        {
            var target = HandbookPaths.Resolve(sourcePath, m.Groups["path"].Value);
            var line = body[..m.Index].Count(c => c == '\n') + 1;
            var text = target is null || depth > 3 ? null : links.ReadText(target);
            if (text is null)
            {
                problems.Add(new(sourcePath, line, $"{{% include \"{m.Groups["path"].Value}\" %}}: the file cannot be read."));
                return $"{{% include \"{m.Groups["path"].Value}\" %}}";
            }
            return InlineIncludes(FrontMatter().Replace(text, ""), target!, links, problems, depth + 1);
        });
    }

    /// <summary>GitBook writes embed, file and include both with and without an end tag.</summary>
    private static string CloseSelfClosingTags(string body)
    {
        if (!body.Contains("{%", StringComparison.Ordinal))
        {
            return body;
        }
        var lines = body.Split('\n');
        var output = new StringBuilder(body.Length + 64);
        for (var i = 0; i < lines.Length; i++)
        {
            output.Append(lines[i]).Append('\n');
            var match = GitBookTagBlock.TagLine.Match(lines[i].Trim());
            if (!match.Success || !SelfClosingTags.Contains(match.Groups["name"].Value))
            {
                continue;
            }
            var name = match.Groups["name"].Value;
            var closed = false;
            for (var j = i + 1; j < lines.Length; j++)
            {
                var next = GitBookTagBlock.TagLine.Match(lines[j].Trim());
                if (next.Success && next.Groups["name"].Value == "end" + name)
                {
                    closed = true;
                    break;
                }
                if (next.Success && next.Groups["name"].Value == name)
                {
                    break;
                }
            }
            if (!closed)
            {
                output.Append("{% end").Append(name).Append(" %}\n");
            }
        }
        return output.ToString(0, output.Length - 1);
    }

    /// <param name="assets">Collects each existing file of the book that the page shows or links to.</param>
    private void RewriteLinks(IDocument dom, string sourcePath, IHandbookLinks links, List<HandbookProblem> problems, Func<string, int> lineOf, HashSet<string> assets, List<string> remoteImages)
    {
        foreach (var anchor in dom.QuerySelectorAll("a[href]").ToList())
        {
            var href = anchor.GetAttribute("href")!;
            var resolved = ResolveLink(href, sourcePath, links, out var problem, out var asset);
            if (asset is not null)
            {
                assets.Add(asset);
            }
            if (problem is not null)
            {
                problems.Add(new(sourcePath, lineOf(href), problem));
            }
            if (resolved is null)
            {
                anchor.RemoveAttribute("href");
            }
            else
            {
                anchor.SetAttribute("href", resolved);
            }
        }
        foreach (var element in dom.QuerySelectorAll("[data-embed-src]").ToList())
        {
            if (EmbedPlayer.For(element.QuerySelector("a")?.GetAttribute("href") ?? "") is null)
            {
                element.RemoveAttribute("data-embed-src");
            }
        }
        foreach (var image in dom.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src") ?? "";
            var alt = image.GetAttribute("alt") ?? "";
            if (ExternalLinks.IsExternal(src))
            {
                var copy = links.RemoteImage(src);
                if (copy?.AssetPath is { } downloaded)
                {
                    // Downloaded by the import (Handbook:DownloadRemoteImages): served by the hub like the book's own images.
                    assets.Add(downloaded);
                    image.SetAttribute("src", AssetUrl(downloaded));
                    image.SetAttribute("loading", "lazy");
                    continue;
                }
                // Third-party images would tell another site who reads the page (and the CSP blocks them): link instead.
                var address = ExternalLinks.Escape(src, out _);
                remoteImages.Add(src);
                problems.Add(new(sourcePath, lineOf(src), copy?.Failure is { } failure
                    ? $"Image on another site, left as a link ({failure}): {src}"
                    : $"Image on another site, left as a link: {src}"));
                var link = dom.CreateElement(address is null ? "span" : "a");
                if (address is not null)
                {
                    link.SetAttribute("href", address);
                }
                link.TextContent = alt.Length > 0 ? Say("ImportNote.Image", alt)
                    : Uri.TryCreate(address, UriKind.Absolute, out var remote) && remote.Host.Length > 0 ? Say("ImportNote.ImageOn", remote.Host) : Say("ImportNote.ImageElsewhere");
                image.Replace(link);
                continue;
            }
            var target = src.StartsWith(AssetPrefix, StringComparison.Ordinal) ? null : HandbookPaths.Resolve(sourcePath, Decode(src));
            if (target is not null && links.AssetExists(target))
            {
                assets.Add(target);
                image.SetAttribute("src", AssetUrl(target));
                image.SetAttribute("loading", "lazy");
                continue;
            }
            if (!src.StartsWith(AssetPrefix, StringComparison.Ordinal))
            {
                problems.Add(new(sourcePath, lineOf(src), target is null
                    ? $"Image '{Decode(src)}' points outside the handbook folder: its alt text is shown instead."
                    : $"Missing image '{target}': its alt text is shown instead."));
                var text = dom.CreateElement("span");
                text.ClassName = "missing-image";
                text.TextContent = alt.Length > 0 ? alt : $"(image missing: {Path.GetFileName(Decode(src))})";
                image.Replace(text);
            }
        }
    }

    /// <summary>The hub URL for a link, or null when it must not be a link at all.</summary>
    /// <param name="asset">The source path of the book's file the link leads to, when it is one that exists.</param>
    internal static string? ResolveLink(string href, string sourcePath, IHandbookLinks links, out string? problem, out string? asset)
    {
        problem = null;
        asset = null;
        if (ExternalLinks.IsExternal(href))
        {
            var address = ExternalLinks.Escape(href, out var repaired);
            problem = address is null ? $"Link '{href}' is not an address a browser could open: it is shown as text."
                : repaired ? $"Link '{href}' is not a valid address (a % that starts no escape, or a character no address may hold): it is written as {address}."
                : null;
            return address;
        }
        if (href.Length == 0 || href.StartsWith('#') || href.StartsWith('/') || href.Contains(':'))
        {
            return href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ? null : href;
        }
        var hash = href.IndexOf('#');
        var fragment = hash >= 0 ? href[hash..] : "";
        var path = hash >= 0 ? href[..hash] : href;
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }
        var decoded = Decode(path);
        var target = HandbookPaths.Resolve(sourcePath, decoded);
        if (target is null)
        {
            problem = $"Link '{decoded}' points outside the handbook folder: it is shown as text.";
            return null;
        }
        if (decoded.EndsWith('/') || target.Length == 0 || !Path.HasExtension(target))
        {
            target = (target.Length == 0 ? "" : target + "/") + "README.md";
        }
        if (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (links.PagePath(target) is { } page)
            {
                return PageUrl(page) + fragment;
            }
            problem = $"Broken link to '{target}': there is no such page.";
            return PageUrl(HandbookPaths.UrlPathOf(target)) + fragment;
        }
        if (links.AssetExists(target))
        {
            asset = target;
            return AssetUrl(target);
        }
        problem = $"Missing file '{target}' (linked).";
        return AssetUrl(target);
    }

    public static string PageUrl(string path) =>
        path.Length == 0 ? "/handbook" : "/handbook/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string AssetUrl(string sourcePath) =>
        AssetPrefix + string.Join('/', sourcePath.Split('/').Select(Uri.EscapeDataString));

    private static string Decode(string url)
    {
        try
        {
            return Uri.UnescapeDataString(url).Normalize(NormalizationForm.FormC);
        }
        catch (UriFormatException)
        {
            return url;
        }
    }

    private static int FindLine(string markdown, string url, Dictionary<string, int> searchedFrom)
    {
        foreach (var candidate in new[] { url, Decode(url), Uri.UnescapeDataString(url) })
        {
            var start = searchedFrom.GetValueOrDefault(candidate);
            var index = start < markdown.Length ? markdown.IndexOf(candidate, start, StringComparison.Ordinal) : -1;
            if (index < 0 && start > 0)
            {
                index = markdown.IndexOf(candidate, StringComparison.Ordinal);
            }
            if (index >= 0)
            {
                searchedFrom[candidate] = index + candidate.Length;
                return markdown.AsSpan(0, index).Count('\n') + 1;
            }
        }
        return 0;
    }

    /// <summary>Each line of a numbered code block in its own span, for the CSS counter that draws the number beside it.</summary>
    private static void NumberCodeLines(IDocument dom)
    {
        foreach (var code in dom.QuerySelectorAll("figure.line-numbers pre > code").ToList())
        {
            var lines = code.TextContent.TrimEnd('\n').Split('\n');
            code.InnerHtml = "";
            for (var i = 0; i < lines.Length; i++)
            {
                var line = dom.CreateElement("span");
                line.ClassName = "line";
                line.TextContent = lines[i];
                code.AppendChild(line);
                if (i < lines.Length - 1)
                {
                    code.AppendChild(dom.CreateTextNode("\n"));
                }
            }
        }
    }

    /// <summary>
    /// A mermaid fence becomes a figure that keeps its source readable (and searchable); handbook-diagrams.js
    /// draws the diagram above it. Without JavaScript the source is what the reader sees.
    /// </summary>
    private void MarkDiagrams(IDocument dom)
    {
        foreach (var code in dom.QuerySelectorAll("pre > code.language-mermaid").ToList())
        {
            var pre = code.ParentElement!;
            var figure = dom.CreateElement("figure");
            figure.ClassName = "diagram";
            figure.SetAttribute("data-diagram", "mermaid");
            var caption = dom.CreateElement("figcaption");
            caption.ClassName = "diagram-caption";
            caption.TextContent = Say("ImportNote.Diagram");
            pre.ClassList.Add("diagram-source");
            pre.Replace(figure);
            figure.AppendChild(caption);
            figure.AppendChild(pre);
        }
    }

    private static string? TakeFirstHeading(IDocument dom)
    {
        var first = dom.Body!.FirstElementChild;
        if (first is not { LocalName: "h1" })
        {
            return null;
        }
        foreach (var anchor in first.QuerySelectorAll("a[id]").ToList())
        {
            anchor.Remove();
        }
        var text = Collapse(first.TextContent);
        first.Remove();
        return text.Length > 0 ? text : null;
    }

    /// <summary>GitBook's empty anchors become the heading's id; ids are made unique; every heading gets a link to itself.</summary>
    private List<HeadingEntry> FixHeadings(IDocument dom)
    {
        var headings = CloseLevelGaps(dom);
        var used = new HashSet<string>(StringComparer.Ordinal) { "main", "content", "outline", "sidebar" };
        foreach (var element in dom.QuerySelectorAll("[id]").Where(e => !headings.Contains(e) && !(e.LocalName == "a" && e.TextContent.Trim().Length == 0 && headings.Any(h => h.Contains(e)))))
        {
            if (!used.Add(element.Id!))
            {
                element.RemoveAttribute("id");
            }
        }
        var outline = new List<HeadingEntry>();
        foreach (var heading in headings)
        {
            var anchor = heading.QuerySelectorAll("a[id]").FirstOrDefault(a => a.TextContent.Trim().Length == 0);
            var id = anchor?.Id ?? heading.Id ?? "";
            foreach (var empty in heading.QuerySelectorAll("a[id]").Where(a => a.TextContent.Trim().Length == 0).ToList())
            {
                empty.Remove();
            }
            var text = Collapse(heading.TextContent);
            if (id.Length == 0)
            {
                id = Slug(text);
            }
            var unique = id;
            for (var n = 1; !used.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            heading.Id = unique;
            var self = dom.CreateElement("a");
            self.ClassName = "heading-anchor";
            self.SetAttribute("href", "#" + unique);
            self.SetAttribute("aria-label", Say("ImportNote.SectionLink", text));
            self.TextContent = "#";
            heading.AppendChild(self);
            var level = heading.LocalName[1] - '0';
            if (level is 2 or 3)
            {
                outline.Add(new(level, unique, text));
            }
        }
        return outline;
    }

    /// <summary>
    /// Under the page's own h1, a heading may go down one level at a time (GitBook authors often jump
    /// from the title to an h3): gaps are closed, keeping the order of the outline.
    /// </summary>
    private static List<IElement> CloseLevelGaps(IDocument dom)
    {
        var result = new List<IElement>();
        var previous = 1;
        foreach (var heading in dom.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList())
        {
            var level = heading.LocalName[1] - '0';
            var fitted = Math.Min(level, previous + 1);
            previous = fitted;
            if (fitted == level)
            {
                result.Add(heading);
                continue;
            }
            var replacement = dom.CreateElement($"h{fitted}");
            foreach (var attribute in heading.Attributes.ToList())
            {
                replacement.SetAttribute(attribute.Name, attribute.Value);
            }
            while (heading.FirstChild is { } child)
            {
                replacement.AppendChild(child);
            }
            heading.Replace(replacement);
            result.Add(replacement);
        }
        return result;
    }

    private static string Slug(string text)
    {
        var slug = NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "details", "summary", "figure", "figcaption", "mark", "aside", "section", "article" })
        {
            sanitizer.AllowedTags.Add(tag);
        }
        foreach (var attribute in new[] { "class", "id", "role", "aria-label", "download", "open" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }
        // The CSP forbids inline style: an attribute the browser would refuse is not kept either.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowDataAttributes = true;
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }

    [GeneratedRegex(@"\A---\r?\n(?<yaml>.*?)\r?\n---[ \t]*(\r?\n|\z)", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex("""^[ \t]*\{%\s*include\s+["'](?<path>[^"']+)["']\s*%\}[ \t]*$""", RegexOptions.Multiline)]
    private static partial Regex IncludeTag();

    /// <summary>
    /// Each run of white space as one space, none at either end: what <c>Regex.Replace(text, @"\s+", " ").Trim()</c>
    /// gives (<c>\s</c> and <see cref="char.IsWhiteSpace(char)"/> are the same characters), in one pass. On a page's
    /// whole text the regex matched between every two words and took a tenth of the rendering (docs/benchmarks.md).
    /// </summary>
    internal static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();
}
