using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>Where Chromium is: the same settings the handbook's PDF uses (Handbook:ChromiumPath, Handbook:PdfTimeoutSeconds).</summary>
public sealed class CardsPdfOptions
{
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    public int PdfTimeoutSeconds { get; set; } = 180;
}

/// <summary>
/// The card deck as a PDF to print and cut (/practices/cards.pdf): eight cards to an A4 page with cut
/// lines, printed by headless Chromium like the handbook, in the reader's language (the deck's translation and
/// the sheet's own words). Kept in the file store (practices/) by language and a hash of the sheet, so it is
/// printed once per language and version of the deck, by whichever node is asked first.
/// </summary>
public sealed class ExportCardsPdf(CardDeck deck, IWebHostEnvironment environment, IFileStore files, IOptions<CardsPdfOptions> options, ILogger<ExportCardsPdf> logger, IStringLocalizer<Strings> strings)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private const string Prefix = "practices/";

    /// <summary>The PDF's key in the file store, or no key and the reason it could not be printed.</summary>
    public async Task<(string? File, string? Failure)> RunAsync(CancellationToken cancel)
    {
        var words = new SheetWords(Languages.PageTag, strings["Practices.Print.Title"], strings["Practices.Print.Mark"], kind => Card.KindName(kind, strings));
        var html = Compose(deck.All, await File.ReadAllTextAsync(environment.WebRootFileProvider.GetFileInfo("css/cards-print.css").PhysicalPath!, cancel), words);
        var language = $"{Prefix}cards-{Languages.Normalize(CultureInfo.CurrentUICulture.Name, pseudo: true) ?? Languages.English}-";
        var target = $"{language}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16]}.pdf";
        if (await files.InfoAsync(target, cancel) is not null)
        {
            return (target, null);
        }
        await OneAtATime.WaitAsync(cancel);
        try
        {
            if (await files.InfoAsync(target, cancel) is not null)
            {
                return (target, null);
            }
            var scratch = Directory.CreateTempSubdirectory("hub-cards-");
            try
            {
                var page = Path.Combine(scratch.FullName, "cards.html");
                await File.WriteAllTextAsync(page, html, cancel);
                var printed = Path.Combine(scratch.FullName, "cards.pdf");
                var failure = await ChromiumPdf.PrintAsync(options.Value.ChromiumPath, TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds),
                    page, printed, scratch.FullName, "the card deck", logger, outline: false, cancel);
                if (failure is not null)
                {
                    return (null, failure);
                }
                await files.PutFileAsync(target, printed, "application/pdf", cancel);
                await foreach (var old in files.ListAsync(Prefix + "cards-", cancel))
                {
                    // This language's earlier versions, and the sheets printed before the deck had languages (cards-<hash>.pdf).
                    if (old.Key != target && (old.Key.StartsWith(language, StringComparison.Ordinal) || old.Key.Length == $"{Prefix}cards-0123456789abcdef.pdf".Length))
                    {
                        await files.DeleteAsync(old.Key, cancel);
                    }
                }
                return (target, null);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The sheet's own words: its language tag, its title, the mark at each card's foot and the kinds' names.</summary>
    public sealed record SheetWords(string Lang, string Title, string Mark, Func<CardKind, string> Kind);

    /// <summary>The sheet in English.</summary>
    public static string Compose(IEnumerable<Card> cards, string css) =>
        Compose(cards, css, new SheetWords(Languages.English, "Practice cards", "microsolidarity practice cards", Card.KindName));

    /// <summary>The sheet: one standalone HTML document, its stylesheet inside, eight cards to a page.</summary>
    public static string Compose(IEnumerable<Card> cards, string css, SheetWords words)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(WebUtility.HtmlEncode(words.Lang)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(words.Title)).Append("</title><style>")
            .Append(css).Append("</style></head><body>");
        foreach (var page in cards.Chunk(8))
        {
            html.Append("<section class=\"sheet\">");
            foreach (var card in page)
            {
                html.Append("<article class=\"cut-card ").Append(card.Kind.ToString().ToLowerInvariant()).Append("\">")
                    .Append("<p class=\"kind\">").Append(WebUtility.HtmlEncode(words.Kind(card.Kind))).Append("</p>")
                    .Append(card.Kind == CardKind.Blank
                        ? "<div class=\"lines\"><span></span><span></span><span></span><span></span></div>"
                        : $"<p class=\"text\">{WebUtility.HtmlEncode(card.Text)}</p>")
                    .Append("<p class=\"mark\">").Append(WebUtility.HtmlEncode(words.Mark)).Append("</p></article>");
            }
            html.Append("</section>");
        }
        return html.Append("</body></html>").ToString();
    }
}
