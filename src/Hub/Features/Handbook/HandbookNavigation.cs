using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The sidebar as HTML: groups, then nested pages in &lt;details&gt; that open around the current page,
/// so it folds without JavaScript.
/// </summary>
public static class HandbookNavigation
{
    /// <summary>
    /// The chrome's two words, in the reader's language: a chapter's own page ("{0}: overview") and a page with no title;
    /// and the language of the titles, the handbook's, when it is not the page's (each title then carries it as its lang).
    /// </summary>
    public sealed record Words(string Overview, string Untitled, string? Language = null);

    public static IHtmlContent Render(IReadOnlyList<NavItem> items, string currentPath, Words words)
    {
        var html = new StringBuilder();
        var list = new List<NavItem>();
        foreach (var item in items)
        {
            if (item.IsGroup)
            {
                Flush(html, list, currentPath, words);
                html.Append("<p class=\"nav-group\"").Append(Lang(words, item.Title)).Append('>').Append(Encode(item.Title)).Append("</p>");
                WriteList(html, item.Children, currentPath, words);
            }
            else
            {
                list.Add(item);
            }
        }
        Flush(html, list, currentPath, words);
        return new HtmlString(html.ToString());
    }

    private static void Flush(StringBuilder html, List<NavItem> list, string currentPath, Words words)
    {
        if (list.Count > 0)
        {
            WriteList(html, list, currentPath, words);
            list.Clear();
        }
    }

    private static void WriteList(StringBuilder html, IEnumerable<NavItem> items, string currentPath, Words words)
    {
        html.Append("<ul>");
        foreach (var item in items)
        {
            html.Append("<li>");
            if (item.Children.Count > 0)
            {
                var open = Contains(item, currentPath) ? " open" : "";
                html.Append("<details").Append(open).Append("><summary").Append(Lang(words, item.Title)).Append('>').Append(Encode(item.Title)).Append("</summary><ul><li>");
                WriteLink(html, item, currentPath, words, overview: true);
                html.Append("</li>");
                foreach (var child in item.Children)
                {
                    html.Append("<li>");
                    if (child.Children.Count > 0)
                    {
                        WriteList(html, [child], currentPath, words);
                    }
                    else
                    {
                        WriteLink(html, child, currentPath, words, overview: false);
                    }
                    html.Append("</li>");
                }
                html.Append("</ul></details>");
            }
            else
            {
                WriteLink(html, item, currentPath, words, overview: false);
            }
            html.Append("</li>");
        }
        html.Append("</ul>");
    }

    private static void WriteLink(StringBuilder html, NavItem item, string currentPath, Words words, bool overview)
    {
        var title = Encode(item.Title.Length > 0 ? item.Title : words.Untitled);
        var lang = Lang(words, item.Title);
        if (item.ExternalUrl is { } external)
        {
            html.Append("<a class=\"external\" href=\"").Append(Encode(external)).Append('"').Append(lang).Append('>').Append(title).Append("</a>");
        }
        else if (item.Path is { } path)
        {
            html.Append("<a href=\"").Append(Encode(RenderHandbookPage.PageUrl(path))).Append('"')
                .Append(path == currentPath ? " aria-current=\"page\"" : "");
            if (overview)
            {
                // The reader's sentence around the handbook's title: only the title is in the handbook's language.
                html.Append('>').AppendJoin(lang.Length > 0 ? $"<span{lang}>{title}</span>" : title, words.Overview.Split("{0}").Select(Encode));
            }
            else
            {
                html.Append(lang).Append('>').Append(title);
            }
            html.Append("</a>");
        }
        else
        {
            html.Append("<span").Append(lang).Append('>').Append(title).Append("</span>");
        }
    }

    /// <summary>The handbook's language on a title of its own; nothing on the hub's "untitled" or when the page speaks it already.</summary>
    private static string Lang(Words words, string title) =>
        words.Language is { Length: > 0 } language && title.Length > 0 ? $" lang=\"{Encode(language)}\"" : "";

    private static bool Contains(NavItem item, string path) => item.Path == path || item.Children.Any(c => Contains(c, path));

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
