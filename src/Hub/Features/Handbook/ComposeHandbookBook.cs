using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The whole handbook as one HTML document in SUMMARY order: a title page with the licence, a table
/// of contents, then every page as a section. Ids are prefixed per page so they stay unique, and links
/// between pages become links inside the document, so they work on paper's digital twin (the PDF)
/// and on the single printable page alike. The book's own words (the licence line, "Contents", "By") are in the request's
/// language on the printable page, and in English in the PDF, which is printed once for every reader; the document declares
/// that language, and the handbook's titles and chapters declare theirs (<c>Handbook:Language</c>) where it differs.
/// </summary>
public sealed class ComposeHandbookBook(HubDbContext db, IStringLocalizer<Strings> strings, IOptions<HandbookOptions> options)
{
    public enum Target
    {
        /// <summary>Served at /handbook.html: images from the hub, the stylesheet as a file (the CSP allows no inline style).</summary>
        Web,

        /// <summary>
        /// For Chromium's print to PDF from a local file: images as relative links to <see cref="PdfAssetFolder"/> beside it (where
        /// <see cref="ExportHandbookPdf"/> copies <see cref="Book.Assets"/> from the file store), the stylesheet inline.
        /// </summary>
        Pdf,
    }

    /// <param name="Assets">The handbook files the book shows (paths under handbook/files/), for a printer that needs them beside it.</param>
    public sealed record Book(string Html, int Pages, DateTime Version, IReadOnlyCollection<string> Assets);

    /// <summary>The folder beside the printed HTML that its images are read from.</summary>
    public const string PdfAssetFolder = "files";

    public async Task<Book?> RunAsync(Target target, CancellationToken cancel = default)
    {
        var info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        if (info is null)
        {
            return null;
        }
        var pages = await db.HandbookPages.AsNoTracking().Where(p => p.InSummary).OrderBy(p => p.Order)
            .Select(p => new { p.Path, p.Title, p.Description, p.Html, p.ParentPath, p.UpdatedAt, p.Author }).ToListAsync(cancel);
        var indexOf = pages.Select((p, i) => (p.Path, i)).ToDictionary(x => RenderHandbookPage.PageUrl(x.Path), x => x.i, StringComparer.Ordinal);
        int Depth(string path, string? parent, int guard = 0) =>
            parent is null || guard > 10 || pages.FirstOrDefault(p => p.Path == parent) is not { } up ? 0 : 1 + Depth(up.Path, up.ParentPath, guard + 1);
        var assets = new HashSet<string>(StringComparer.Ordinal);
        using var english = target == Target.Pdf ? RecipientLanguage.Of(Languages.English) : default;
        string author = info.Author.Length > 0 ? info.Author : strings["Handbook.Book.Authors"];
        static string E(string s) => WebUtility.HtmlEncode(s);
        var frame = Languages.PageTag;
        var content = HandbookLanguage.Within(options.Value.Language, frame);
        // On an element of the handbook's, and on one of the book's own words inside a chapter.
        var inContent = content is null ? "" : $" lang=\"{E(content)}\"";
        var inFrame = content is null ? "" : $" lang=\"{E(frame)}\"";

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(frame)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title").Append(inContent).Append('>').Append(E(info.Title)).Append("</title>")
            .Append("<meta name=\"author\" content=\"").Append(E(author)).Append("\">");
        if (target == Target.Web)
        {
            html.Append("<link rel=\"stylesheet\" href=\"/css/book.css\">");
        }
        else
        {
            html.Append("<style>").Append(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "book.css"), cancel)).Append("</style>");
        }
        html.Append("</head><body>");
        html.Append("<section class=\"title-page\"><h1 class=\"book-title\"").Append(inContent).Append('>').Append(E(info.Title)).Append("</h1>")
            .Append("<p class=\"author\">").Append(E(author)).Append("</p>")
            .Append("<p class=\"licence\">").Append(E(strings["Handbook.Book.Licence"]).Replace("{0}", $"<a href=\"{E(info.LicenceUrl)}\">{E(info.LicenceName)}</a>", StringComparison.Ordinal))
            .Append("</p>");
        if (target == Target.Web)
        {
            html.Append("<p class=\"screen-only\"><a href=\"/handbook\">").Append(E(strings["Handbook.Book.Back"])).Append("</a> · ")
                .Append(E(strings["Handbook.Book.PrintOrDownload"]).Replace("{0}", "<a href=\"/handbook.pdf\">PDF</a>", StringComparison.Ordinal)
                    .Replace("{1}", "<a href=\"/handbook.epub\">EPUB</a>", StringComparison.Ordinal)).Append("</p>");
        }
        html.Append("</section>");

        html.Append("<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">").Append(E(strings["Handbook.Book.Contents"])).Append("</h2><ol").Append(inContent).Append('>');
        for (var i = 0; i < pages.Count; i++)
        {
            html.Append("<li class=\"toc-depth-").Append(Math.Min(3, Depth(pages[i].Path, pages[i].ParentPath))).Append("\"><a href=\"#p").Append(i).Append("\">")
                .Append(E(pages[i].Title)).Append("</a></li>");
        }
        html.Append("</ol></nav>");

        // Ids first, over every page, so a link to an anchor that does not exist can fall back to its chapter.
        var parser = new HtmlParser();
        var documents = pages.Select(p => parser.ParseDocument($"<!DOCTYPE html><html><body>{p.Html}</body></html>")).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var anchor in documents[i].Body!.QuerySelectorAll("a.heading-anchor").ToList())
            {
                anchor.Remove();
            }
            foreach (var element in documents[i].Body!.QuerySelectorAll("[id]"))
            {
                element.Id = $"p{i}-{element.Id}";
                ids.Add(element.Id);
            }
        }
        for (var i = 0; i < pages.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var page = pages[i];
            var body = documents[i].Body!;
            foreach (var link in body.QuerySelectorAll("a[href]"))
            {
                link.SetAttribute("href", Relink(link.GetAttribute("href")!, i, indexOf, ids));
            }
            foreach (var image in body.QuerySelectorAll("img[src]"))
            {
                var src = image.GetAttribute("src")!;
                if (target == Target.Pdf && src.StartsWith(RenderHandbookPage.AssetPrefix, StringComparison.Ordinal))
                {
                    var escaped = src[RenderHandbookPage.AssetPrefix.Length..];
                    assets.Add(Uri.UnescapeDataString(escaped));
                    image.SetAttribute("src", $"{PdfAssetFolder}/{escaped}");
                }
                image.RemoveAttribute("loading"); // everything must be there when the page is printed
            }
            html.Append("<section class=\"chapter\" id=\"p").Append(i).Append("\" aria-labelledby=\"p").Append(i).Append("-title\"").Append(inContent).Append('>')
                .Append("<h1 class=\"chapter-title\" id=\"p").Append(i).Append("-title\">").Append(E(page.Title)).Append("</h1>");
            if (!string.IsNullOrEmpty(page.Description))
            {
                html.Append("<p class=\"lead\">").Append(E(page.Description)).Append("</p>");
            }
            if (!string.IsNullOrEmpty(page.Author))
            {
                html.Append("<p class=\"byline\"").Append(inFrame).Append('>').Append(E(strings["Handbook.Book.By", page.Author])).Append("</p>");
            }
            html.Append(body.InnerHtml).Append("</section>");
        }
        html.Append("</body></html>");
        var version = pages.Count == 0 ? info.ImportedAt ?? DateTime.UnixEpoch : pages.Max(p => p.UpdatedAt);
        return new Book(html.ToString(), pages.Count, version > (info.ImportedAt ?? version) ? version : info.ImportedAt ?? version, assets);
    }

    /// <summary>A link to another page of the book becomes a link to its section; anchors gain the page's prefix.</summary>
    private static string Relink(string href, int page, Dictionary<string, int> indexOf, HashSet<string> ids)
    {
        string Within(int chapter, string fragment) => ids.Contains($"p{chapter}-{fragment}") ? $"#p{chapter}-{fragment}" : $"#p{chapter}";
        if (href.StartsWith('#'))
        {
            return href.Length == 1 ? $"#p{page}" : Within(page, href[1..]);
        }
        if (!href.StartsWith("/handbook", StringComparison.Ordinal))
        {
            return href;
        }
        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        if (!indexOf.TryGetValue(path, out var target))
        {
            return href; // a page outside SUMMARY: it stays a link to the hub
        }
        return hash < 0 || hash == href.Length - 1 ? $"#p{target}" : Within(target, Uri.UnescapeDataString(href[(hash + 1)..]));
    }
}
