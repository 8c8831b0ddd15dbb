using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>An entry of the sidebar: a group heading, a page, or an external link.</summary>
public sealed class NavItem
{
    public string Title { get; set; } = "";

    /// <summary>The page's URL path under /handbook; null for groups and external links.</summary>
    public string? Path { get; set; }
    public string? SourcePath { get; set; }
    public string? ExternalUrl { get; set; }
    public bool IsGroup { get; set; }
    public List<NavItem> Children { get; set; } = [];
}

/// <summary>Reads SUMMARY.md: <c>##</c> groups, nested lists of links (their titles are the sidebar's titles), external links.</summary>
public static class ReadSummary
{
    public static List<NavItem> Run(string markdown, string summaryPath, Func<string, bool> pageExists, Func<string, string> urlOf, List<HandbookProblem> problems)
    {
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().Build());
        var top = new List<NavItem>();
        var current = top;
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock { Level: >= 2 } heading:
                    var group = new NavItem { Title = TextOf(heading.Inline), IsGroup = true };
                    top.Add(group);
                    current = group.Children;
                    break;
                case ListBlock list:
                    current.AddRange(ReadList(list, summaryPath, pageExists, urlOf, problems));
                    break;
            }
        }
        return top;
    }

    private static IEnumerable<NavItem> ReadList(ListBlock list, string summaryPath, Func<string, bool> pageExists, Func<string, string> urlOf, List<HandbookProblem> problems)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var paragraph = item.OfType<ParagraphBlock>().FirstOrDefault();
            var link = paragraph?.Inline?.Descendants<LinkInline>().FirstOrDefault(l => !l.IsImage);
            NavItem entry;
            if (link?.Url is not { Length: > 0 } url)
            {
                entry = new NavItem { Title = paragraph?.Inline is null ? "" : TextOf(paragraph.Inline) };
            }
            else if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                entry = new NavItem { Title = TextOf(link), ExternalUrl = url };
            }
            else
            {
                var target = HandbookPaths.Resolve(summaryPath, Uri.UnescapeDataString(url.Split('#')[0]));
                entry = new NavItem { Title = TextOf(link) };
                if (target is null)
                {
                    problems.Add(new(summaryPath, (paragraph?.Line ?? item.Line) + 1, $"'{url}' points outside the handbook folder: left out of the sidebar."));
                }
                else if (!pageExists(target))
                {
                    problems.Add(new(summaryPath, (paragraph?.Line ?? item.Line) + 1, $"SUMMARY names '{target}', which is missing or unreadable: shown without a link."));
                }
                else
                {
                    entry.SourcePath = target;
                    entry.Path = urlOf(target);
                }
            }
            foreach (var nested in item.OfType<ListBlock>())
            {
                entry.Children.AddRange(ReadList(nested, summaryPath, pageExists, urlOf, problems));
            }
            yield return entry;
        }
    }

    private static string TextOf(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }
        var text = new System.Text.StringBuilder();
        foreach (var leaf in inline.Descendants<LiteralInline>())
        {
            text.Append(leaf.Content.ToString());
        }
        foreach (var code in inline.Descendants<CodeInline>())
        {
            text.Append(code.Content);
        }
        return text.ToString().Trim();
    }

    public static IEnumerable<NavItem> Flatten(IEnumerable<NavItem> items)
    {
        foreach (var item in items)
        {
            yield return item;
            foreach (var child in Flatten(item.Children))
            {
                yield return child;
            }
        }
    }
}
