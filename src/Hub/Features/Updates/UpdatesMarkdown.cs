using Ganss.Xss;
using Markdig;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>Markdown written by hosts, rendered and sanitised: it ends up in emails, feeds and pages.</summary>
public static class UpdatesMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

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
