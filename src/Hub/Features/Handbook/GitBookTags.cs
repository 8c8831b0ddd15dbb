using System.Text.RegularExpressions;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// GitBook's Liquid-like block tags (<c>{% hint style="info" %} ... {% endhint %}</c>) as Markdig
/// container blocks, so the Markdown inside them is parsed like any other.
/// </summary>
public sealed partial class GitBookTagBlock(BlockParser parser) : ContainerBlock(parser)
{
    public string Name { get; set; } = "";
    public IReadOnlyDictionary<string, string> Arguments { get; set; } = new Dictionary<string, string>();

    /// <summary>The unnamed argument, as in <c>{% include "page.md" %}</c>.</summary>
    public string? Bare { get; set; }
    public bool Closed { get; set; }

    internal static readonly Regex TagLine = TagRegex();
    internal static readonly Regex Argument = ArgumentRegex();

    [GeneratedRegex("""^\{%\s*(?<name>[A-Za-z][\w-]*)(?<args>.*?)\s*%\}\s*$""")]
    private static partial Regex TagRegex();

    [GeneratedRegex("""(?:(?<key>[\w-]+)\s*=\s*)?(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"']+))""")]
    private static partial Regex ArgumentRegex();

    public string Arg(string key) => Arguments.TryGetValue(key, out var value) ? value : "";
}

public sealed class GitBookTagParser : BlockParser
{
    /// <summary>Tags GitBook writes, rendered by <see cref="GitBookTagRenderer"/>; others are "unknown".</summary>
    public static readonly HashSet<string> KnownTags =
    [
        "hint", "tabs", "tab", "content-ref", "embed", "file", "code", "stepper", "step", "columns", "column",
        "include", "updates", "update", "swagger", "swagger-description", "swagger-parameter", "swagger-response",
        "openapi", "openapi-operation", "openapi-schemas", "openapi-webhook",
    ];

    public GitBookTagParser() => OpeningCharacters = ['{'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }
        var line = processor.Line.ToString();
        var match = GitBookTagBlock.TagLine.Match(line);
        if (!match.Success || match.Groups["name"].Value.StartsWith("end", StringComparison.Ordinal))
        {
            return BlockState.None;
        }
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? bare = null;
        foreach (Match a in GitBookTagBlock.Argument.Matches(match.Groups["args"].Value))
        {
            if (a.Groups["key"].Success)
            {
                arguments[a.Groups["key"].Value] = a.Groups["value"].Value;
            }
            else
            {
                bare ??= a.Groups["value"].Value;
            }
        }
        processor.NewBlocks.Push(new GitBookTagBlock(this)
        {
            Name = match.Groups["name"].Value,
            Arguments = arguments,
            Bare = bare,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        processor.GoToColumn(processor.Line.End + 1);
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var tag = (GitBookTagBlock)block;
        var line = processor.Line.ToString().Trim();
        if (line.StartsWith("{%", StringComparison.Ordinal))
        {
            var match = GitBookTagBlock.TagLine.Match(line);
            if (match.Success && match.Groups["name"].Value == "end" + tag.Name)
            {
                tag.Closed = true;
                block.UpdateSpanEnd(processor.Line.End);
                return BlockState.BreakDiscard;
            }
        }
        return BlockState.Continue;
    }
}

public sealed class GitBookTagsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<GitBookTagParser>())
        {
            pipeline.BlockParsers.Insert(0, new GitBookTagParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<GitBookTagRenderer>())
        {
            html.ObjectRenderers.Insert(0, new GitBookTagRenderer());
        }
    }
}

/// <summary>Plain, readable HTML for each tag; no inline style or script (the CSP forbids both).</summary>
public sealed class GitBookTagRenderer : HtmlObjectRenderer<GitBookTagBlock>
{
    protected override void Write(HtmlRenderer renderer, GitBookTagBlock tag)
    {
        switch (tag.Name)
        {
            case "hint":
                var style = tag.Arg("style") is "success" or "warning" or "danger" ? tag.Arg("style") : "info";
                var label = style switch { "success" => "Tip", "warning" => "Warning", "danger" => "Important", _ => "Note" };
                renderer.Write($"<div class=\"callout callout-{style}\" role=\"note\" aria-label=\"{label}\">");
                renderer.WriteChildren(tag);
                renderer.WriteLine("</div>");
                break;
            case "tabs":
                // Without JavaScript every tab's title and content show in order; handbook.js turns them into real tabs.
                Wrap(renderer, tag, "<div class=\"tabs\">", "</div>");
                break;
            case "tab":
                renderer.Write("<section class=\"tab\"><p class=\"tab-title\">").WriteEscape(TitleOf(tag, "Tab")).Write("</p>");
                renderer.WriteChildren(tag);
                renderer.WriteLine("</section>");
                break;
            case "content-ref":
                Wrap(renderer, tag, "<div class=\"content-ref\">", "</div>");
                break;
            case "embed":
                WriteEmbed(renderer, tag);
                break;
            case "file":
                var src = tag.Arg("src");
                renderer.Write("<div class=\"file\"><a class=\"file-link\" href=\"").WriteEscapeUrl(src).Write("\" download>")
                    .WriteEscape(Uri.UnescapeDataString(System.IO.Path.GetFileName(src))).Write("</a>");
                renderer.WriteChildren(tag);
                renderer.WriteLine("</div>");
                break;
            case "code":
                // Numbered lines are drawn by CSS counters (RenderHandbookPage wraps each line), so copying the code never copies the numbers.
                renderer.Write(tag.Arg("lineNumbers").Equals("true", StringComparison.OrdinalIgnoreCase)
                    ? "<figure class=\"code-block line-numbers\">" : "<figure class=\"code-block\">");
                if (tag.Arg("title") is { Length: > 0 } title)
                {
                    renderer.Write("<figcaption>").WriteEscape(title).Write("</figcaption>");
                }
                renderer.WriteChildren(tag);
                renderer.WriteLine("</figure>");
                break;
            case "stepper":
                Wrap(renderer, tag, "<ol class=\"stepper\">", "</ol>");
                break;
            case "step":
                Wrap(renderer, tag, "<li class=\"step\">", "</li>");
                break;
            case "columns":
                Wrap(renderer, tag, "<div class=\"columns\">", "</div>");
                break;
            case "column":
                Wrap(renderer, tag, "<div class=\"column\">", "</div>");
                break;
            case "updates":
                Wrap(renderer, tag, "<div class=\"updates\">", "</div>");
                break;
            case "update":
                renderer.Write("<article class=\"update\">");
                if (tag.Arg("date") is { Length: > 0 } date)
                {
                    renderer.Write("<p class=\"update-date\">").WriteEscape(date).Write("</p>");
                }
                renderer.WriteChildren(tag);
                renderer.WriteLine("</article>");
                break;
            case "include":
                // The importer puts the included file's text in place before parsing; what is left is a reference.
                renderer.Write("<p class=\"include\">Included from ").WriteEscape(tag.Bare ?? tag.Arg("src")).Write("</p>");
                renderer.WriteChildren(tag);
                break;
            default:
                if (tag.Name.StartsWith("swagger", StringComparison.Ordinal) || tag.Name.StartsWith("openapi", StringComparison.Ordinal))
                {
                    WriteApi(renderer, tag);
                }
                else
                {
                    // Unknown tag: no text is ever lost; the importer lists it in the report.
                    Wrap(renderer, tag, "<div class=\"unknown-tag\">", "</div>");
                }
                break;
        }
    }

    private static void Wrap(HtmlRenderer renderer, GitBookTagBlock tag, string open, string close)
    {
        renderer.Write(open);
        renderer.WriteChildren(tag);
        renderer.WriteLine(close);
    }

    private static string TitleOf(GitBookTagBlock tag, string fallback) =>
        tag.Arg("title") is { Length: > 0 } title ? title : tag.Bare ?? fallback;

    private static void WriteApi(HtmlRenderer renderer, GitBookTagBlock tag)
    {
        renderer.Write("<div class=\"api-block\"><p class=\"api-title\">API reference");
        if (tag.Arg("method") is { Length: > 0 } method)
        {
            renderer.Write(": <code>").WriteEscape(method.ToUpperInvariant()).Write(' ').WriteEscape(tag.Arg("path")).Write("</code>");
        }
        renderer.Write("</p>");
        var source = tag.Arg("src") is { Length: > 0 } s ? s : tag.Arg("spec");
        if (source.Length > 0)
        {
            renderer.Write("<p>Specification: ").WriteEscape(source).Write("</p>");
        }
        renderer.WriteChildren(tag);
        renderer.WriteLine("</div>");
    }

    private static void WriteEmbed(HtmlRenderer renderer, GitBookTagBlock tag)
    {
        var url = tag.Arg("url");
        var player = EmbedPlayer.For(url);
        if (player is not null)
        {
            // Click to load: nothing is fetched from the video host until the reader asks for it.
            renderer.Write("<figure class=\"embed embed-video\" data-embed-src=\"").WriteEscape(player.Value.PlayerUrl).Write("\">")
                .Write("<a class=\"embed-link\" href=\"").WriteEscapeUrl(url).Write("\">")
                .Write("Play the video on ").WriteEscape(player.Value.Host).Write("</a>")
                .Write("<span class=\"embed-note\">Playing it loads the player from ").WriteEscape(player.Value.Host).Write(".</span>");
        }
        else
        {
            renderer.Write("<figure class=\"embed embed-link-card\"><a class=\"embed-link\" href=\"").WriteEscapeUrl(url).Write("\">")
                .WriteEscape(url).Write("</a>");
        }
        if (tag.Count > 0 || tag.Arg("caption").Length > 0)
        {
            renderer.Write("<figcaption>").WriteEscape(tag.Arg("caption"));
            renderer.WriteChildren(tag);
            renderer.Write("</figcaption>");
        }
        renderer.WriteLine("</figure>");
    }
}

public static partial class EmbedPlayer
{
    public static (string Host, string PlayerUrl)? For(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        if (host is "youtu.be")
        {
            var id = uri.AbsolutePath.Trim('/');
            return Id().IsMatch(id) ? ("YouTube", $"https://www.youtube-nocookie.com/embed/{id}") : null;
        }
        if (host is "youtube.com" or "www.youtube.com" or "m.youtube.com")
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
            if (uri.AbsolutePath == "/playlist")
            {
                // A playlist plays in YouTube's own series player.
                var list = query.TryGetValue("list", out var l) ? l.ToString() : "";
                return PlaylistId().IsMatch(list) ? ("YouTube", $"https://www.youtube-nocookie.com/embed/videoseries?list={list}") : null;
            }
            var id = query.TryGetValue("v", out var v) ? v.ToString()
                : uri.AbsolutePath.StartsWith("/embed/", StringComparison.Ordinal) ? uri.AbsolutePath[7..] : "";
            return Id().IsMatch(id) ? ("YouTube", $"https://www.youtube-nocookie.com/embed/{id}") : null;
        }
        if (host is "vimeo.com" or "www.vimeo.com" or "player.vimeo.com")
        {
            var id = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            return id.All(char.IsAsciiDigit) && id.Length > 0 ? ("Vimeo", $"https://player.vimeo.com/video/{id}") : null;
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{6,20}$")]
    private static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9_-]{10,64}$")]
    private static partial Regex PlaylistId();
}
