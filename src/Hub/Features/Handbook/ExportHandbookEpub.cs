using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Xhtml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The whole handbook as one EPUB 3 in SUMMARY order: a navigation document from the sidebar, a title
/// page with the licence, the images it uses, and links between pages that resolve inside the book.
/// The book's own words (the contents' title, the licence line, "By") are in the language of the request that asks for it;
/// the pages are the handbook's, as written, and the book is in the handbook's language (<c>Handbook:Language</c>): its
/// dc:language, its pages' lang, with the request's language marked on the book's own words where the two differ.
/// </summary>
public sealed class ExportHandbookEpub(HubDbContext db, IFileStore store, TimeProvider time, IStringLocalizer<Strings> strings, IOptions<HandbookOptions> options)
{
    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".webp"] = "image/webp",
    };

    /// <summary>Writes the book; false when there is no handbook to export.</summary>
    public async Task<bool> RunAsync(Stream output, CancellationToken cancel = default)
    {
        var info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        if (info is null)
        {
            return false;
        }
        var pages = await db.HandbookPages.AsNoTracking().Where(p => p.InSummary).OrderBy(p => p.Order).ToListAsync(cancel);
        var files = pages.Select((p, i) => (Page: p, File: $"page-{i + 1:000}.xhtml")).ToList();
        var fileOf = files.ToDictionary(f => f.Page.Path, f => f.File);
        var images = new Dictionary<string, string>(StringComparer.Ordinal); // asset source path -> name in the book
        var parser = new HtmlParser();

        // Ids of every page first, so a link to a missing anchor can fall back to the page itself.
        var documents = files.Select(f => (f.Page, f.File, Dom: parser.ParseDocument($"<!DOCTYPE html><html><body>{f.Page.Html}</body></html>"))).ToList();
        var idsOf = documents.ToDictionary(d => d.File, d => d.Dom.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal));

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // The mimetype comes first and uncompressed, so readers can recognise the file (OCF).
        await WriteAsync(zip, "mimetype", "application/epub+zip", CompressionLevel.NoCompression);
        await WriteAsync(zip, "META-INF/container.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """);
        await WriteAsync(zip, "EPUB/book.css", Css);

        var language = options.Value.Language;
        var frame = Languages.PageTag;
        var framed = Lang(HandbookLanguage.Within(frame, language)); // the book's own words, inside the handbook's pages
        string author = info.Author.Length > 0 ? info.Author : strings["Handbook.Book.Authors"];
        await WriteAsync(zip, "EPUB/title.xhtml", Xhtml(info.Title, language, $"""
            <section epub:type="titlepage" class="title-page">
              <h1>{Escape(info.Title)}</h1>
              <p class="author"{(info.Author.Length > 0 ? "" : framed)}>{Escape(author)}</p>
              <p{framed}>{Escape(strings["Handbook.Book.Licence"]).Replace("{0}", $"<a href=\"{Escape(info.LicenceUrl)}\">{Escape(info.LicenceName)}</a>", StringComparison.Ordinal)}</p>
            </section>
            """));

        foreach (var (page, file, dom) in documents)
        {
            cancel.ThrowIfCancellationRequested();
            var body = dom.Body!;
            foreach (var anchor in body.QuerySelectorAll("a.heading-anchor").ToList())
            {
                anchor.Remove();
            }
            foreach (var element in body.QuerySelectorAll("*").ToList())
            {
                // HTML readers forgive these; EPUB's stricter schema does not (width on a table cell, lazy loading).
                element.RemoveAttribute("loading");
                element.RemoveAttribute("download");
                foreach (var presentational in new[] { "align", "valign", "bgcolor", "border", "cellpadding", "cellspacing" })
                {
                    element.RemoveAttribute(presentational);
                }
                if (element.LocalName is not ("img" or "video" or "canvas" or "iframe"))
                {
                    element.RemoveAttribute("width");
                    element.RemoveAttribute("height");
                }
            }
            foreach (var link in body.QuerySelectorAll("a[href]").ToList())
            {
                RewriteLink(link, fileOf, idsOf);
            }
            foreach (var image in body.QuerySelectorAll("img").ToList())
            {
                var source = AssetPath(image.GetAttribute("src"));
                var key = source is null ? null : HandbookFeature.FilesPrefix + source;
                string? name = null;
                if (source is not null && ImageTypes.ContainsKey(Path.GetExtension(source)) && !images.TryGetValue(source, out name)
                    && FileKeys.IsValid(key!) && await store.OpenAsync(key!, cancel) is { } stored)
                {
                    name = $"images/image-{images.Count + 1:000}{Path.GetExtension(source).ToLowerInvariant()}";
                    images[source] = name;
                    var entry = zip.CreateEntry("EPUB/" + name, CompressionLevel.NoCompression);
                    await using var target = entry.Open();
                    await using (stored)
                    {
                        await stored.Content.CopyToAsync(target, cancel);
                    }
                }
                if (name is null)
                {
                    var text = dom.CreateElement("span");
                    text.ClassName = "missing-image";
                    text.TextContent = image.GetAttribute("alt") is { Length: > 0 } alt ? alt : "(image)";
                    image.Replace(text);
                    continue;
                }
                image.SetAttribute("src", name);
                if (!image.HasAttribute("alt"))
                {
                    image.SetAttribute("alt", "");
                }
            }
            var content = new StringBuilder();
            content.Append("<section>");
            content.Append("<h1>").Append(Escape(page.Title)).Append("</h1>");
            if (page.Description is { Length: > 0 } description)
            {
                content.Append("<p class=\"lead\">").Append(Escape(description)).Append("</p>");
            }
            if (page.Author is { Length: > 0 } pageAuthor)
            {
                content.Append("<p class=\"byline\"").Append(framed).Append('>').Append(Escape(strings["Handbook.Book.By", pageAuthor])).Append("</p>");
            }
            foreach (var child in body.ChildNodes)
            {
                content.Append(child.ToHtml(XhtmlMarkupFormatter.Instance));
            }
            content.Append("</section>");
            await WriteAsync(zip, "EPUB/" + file, Xhtml(page.Title, language, content.ToString()));
        }

        var navigation = JsonSerializer.Deserialize<List<NavItem>>(info.NavigationJson) ?? [];
        string contents = strings["Handbook.Book.Contents"];
        // The contents are the book's own words, in the request's language, around the handbook's titles.
        await WriteAsync(zip, "EPUB/nav.xhtml", Xhtml(contents, frame, $"""
            <nav epub:type="toc" id="toc"><h1>{Escape(contents)}</h1>
            <ol{Lang(HandbookLanguage.Within(language, frame))}><li><a href="title.xhtml">{Escape(info.Title)}</a></li>{NavList(navigation, fileOf, strings["Handbook.Book.Untitled"])}</ol>
            </nav>
            """));

        var identifier = "urn:uuid:" + new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(info.Source)).AsSpan(0, 16)).ToString();
        XNamespace opf = "http://www.idpf.org/2007/opf";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var package = new XElement(opf + "package",
            new XAttribute("version", "3.0"), new XAttribute("unique-identifier", "book-id"), new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(opf + "metadata", new XAttribute(XNamespace.Xmlns + "dc", dc),
                new XElement(dc + "identifier", new XAttribute("id", "book-id"), identifier),
                new XElement(dc + "title", info.Title),
                new XElement(dc + "creator", author),
                new XElement(dc + "language", language),
                new XElement(dc + "rights", $"{info.LicenceName} ({info.LicenceUrl})"),
                new XElement(opf + "meta", new XAttribute("property", "dcterms:modified"),
                    time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))),
            new XElement(opf + "manifest",
                Item("nav", "nav.xhtml", "application/xhtml+xml", "nav"),
                Item("css", "book.css", "text/css"),
                Item("title", "title.xhtml", "application/xhtml+xml"),
                files.Select((f, i) => Item($"p{i + 1}", f.File, "application/xhtml+xml")),
                images.Values.Select((name, i) => Item($"img{i + 1}", name, ImageTypes[Path.GetExtension(name)]))),
            new XElement(opf + "spine",
                new XElement(opf + "itemref", new XAttribute("idref", "title")),
                new XElement(opf + "itemref", new XAttribute("idref", "nav")),
                files.Select((_, i) => new XElement(opf + "itemref", new XAttribute("idref", $"p{i + 1}")))));
        await WriteAsync(zip, "EPUB/package.opf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + package);
        return true;

        XElement Item(string id, string href, string type, string? properties = null) =>
            new(opf + "item", new XAttribute("id", id), new XAttribute("href", href), new XAttribute("media-type", type),
                properties is null ? null : new XAttribute("properties", properties));
    }

    private static void RewriteLink(IElement link, Dictionary<string, string> fileOf, Dictionary<string, HashSet<string>> idsOf)
    {
        var href = link.GetAttribute("href")!;
        if (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            // Written valid at import; pages imported before that may still hold a lone % or a space, which
            // epubcheck refuses (RSC-005, RSC-020) along with the whole book.
            if (ExternalLinks.Escape(href, out _) is { } address)
            {
                link.SetAttribute("href", address);
            }
            else
            {
                link.RemoveAttribute("href");
            }
            return;
        }
        if (href.StartsWith('#'))
        {
            return;
        }
        var hash = href.IndexOf('#');
        var path = Uri.UnescapeDataString(hash >= 0 ? href[..hash] : href);
        var fragment = hash >= 0 ? href[(hash + 1)..] : "";
        if (path == "/handbook" || path.StartsWith("/handbook/", StringComparison.Ordinal))
        {
            var pagePath = path.Length > 10 ? path[10..] : "";
            if (fileOf.TryGetValue(pagePath, out var file))
            {
                link.SetAttribute("href", fragment.Length > 0 && idsOf[file].Contains(fragment) ? $"{file}#{fragment}" : file);
                return;
            }
        }
        // A page outside the book, or a file the book does not carry: the words stay, the link goes.
        link.RemoveAttribute("href");
    }

    private static string? AssetPath(string? src) =>
        src is not null && src.StartsWith(RenderHandbookPage.AssetPrefix, StringComparison.Ordinal)
            ? HandbookPaths.Resolve("", Uri.UnescapeDataString(src[RenderHandbookPage.AssetPrefix.Length..]))
            : null;

    private static string NavList(IEnumerable<NavItem> items, Dictionary<string, string> fileOf, string untitled)
    {
        var html = new StringBuilder();
        foreach (var item in items)
        {
            var children = NavList(item.Children, fileOf, untitled);
            var title = Escape(item.Title.Length > 0 ? item.Title : untitled);
            if (item.Path is { } path && fileOf.TryGetValue(path, out var file))
            {
                html.Append("<li><a href=\"").Append(file).Append("\">").Append(title).Append("</a>");
            }
            else if (children.Length > 0)
            {
                html.Append("<li><span>").Append(title).Append("</span>");
            }
            else
            {
                continue;
            }
            if (children.Length > 0)
            {
                html.Append("<ol>").Append(children).Append("</ol>");
            }
            html.Append("</li>");
        }
        return html.ToString();
    }

    /// <summary>A lang attribute as XHTML wants it, in both forms; nothing for null.</summary>
    private static string Lang(string? tag) => tag is null ? "" : $" lang=\"{Escape(tag)}\" xml:lang=\"{Escape(tag)}\"";

    private static string Xhtml(string title, string language, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"{Lang(language)}>
        <head><meta charset="UTF-8"/><title>{Escape(title)}</title><link rel="stylesheet" type="text/css" href="book.css"/></head>
        <body>{body}</body>
        </html>
        """;

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        await using var stream = entry.Open();
        await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text));
    }

    private const string Css = """
        body { font-family: serif; line-height: 1.5; }
        h1, h2, h3, h4 { font-family: sans-serif; line-height: 1.2; }
        .lead { font-style: italic; }
        .byline { font-size: 0.9em; color: #555; }
        .callout { border-left: 4px solid #1d5fa8; padding: 0.3em 1em; margin: 1em 0; }
        .callout-warning, .callout-danger { border-left-color: #9a3b1e; }
        img { max-width: 100%; height: auto; }
        pre { white-space: pre-wrap; }
        .line-numbers pre > code { counter-reset: line; display: block; }
        .line-numbers code .line::before { counter-increment: line; content: counter(line); display: inline-block; min-width: 2em; margin-right: 0.8em; text-align: right; color: #6b5f55; }
        .title-page { text-align: center; margin-top: 30%; }
        .missing-image { font-style: italic; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
        """;
}
