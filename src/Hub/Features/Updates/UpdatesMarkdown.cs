using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>Markdown written by hosts, rendered and sanitised: it ends up in emails, feeds and pages.</summary>
public static class UpdatesMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>
    /// Texts rendered lately, by their Markdown: a page that shows many (a thread of 200 posts) would otherwise parse
    /// and sanitise every one on every request, about a third of a millisecond each. The HTML depends on the text
    /// alone, so a copy is never stale and every web node may keep its own. Bounded by characters kept.
    /// </summary>
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 16_000_000 });

    /// <summary>The same as <see cref="ToHtml"/>, kept for the next page that shows the same text.</summary>
    public static string ToHtmlKept(string markdown)
    {
        markdown ??= "";
        if (Rendered.TryGetValue(markdown, out string? html) && html is not null)
        {
            return html;
        }
        html = ToHtml(markdown);
        Rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return html;
    }

    public static string ToText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // The CSP forbids inline style, and emails should not carry a writer's styling either.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
