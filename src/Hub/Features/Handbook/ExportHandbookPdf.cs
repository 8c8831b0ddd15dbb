using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

public sealed class HandbookPdfOptions
{
    public const string Section = "Handbook";

    /// <summary>Chromium (or Chrome) prints the PDF; Debian's package puts it here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    public int PdfTimeoutSeconds { get; set; } = 180;
}

/// <summary>
/// The whole handbook as a PDF, printed by headless Chromium from <see cref="ComposeHandbookBook"/>:
/// a title page, a table of contents whose entries link to their chapters, bookmarks from the
/// headings, page numbers from the stylesheet's page margin boxes. The result is kept in the file store
/// (handbook/export/) and made again only when the handbook's content changes, so a download is a file
/// read on whichever node serves it; after an import, <see cref="HandbookPdfPreparer"/> prints it in the
/// background before anyone asks. Chromium prints from a temporary folder of this node, with the images
/// the book shows copied there from the store.
/// </summary>
public sealed class ExportHandbookPdf(ComposeHandbookBook compose, IFileStore files, IOptions<HandbookPdfOptions> options, ILogger<ExportHandbookPdf> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public abstract record Result;
    /// <param name="Key">Where the PDF is in the file store.</param>
    public sealed record Ready(string Key) : Result;
    public sealed record NoHandbook : Result;
    public sealed record Failed(string Reason) : Result;

    /// <summary>The handbook has changed since its PDF was printed (or it never was): printing takes seconds.</summary>
    public sealed record NotPrinted : Result;

    /// <summary>The kept PDF of the handbook as it is now, without printing one: <see cref="NotPrinted"/> when there is none yet.</summary>
    public async Task<Result> FindAsync(CancellationToken cancel = default)
    {
        var book = await compose.RunAsync(ComposeHandbookBook.Target.Pdf, cancel);
        return book is null ? new NoHandbook() : await files.InfoAsync(Target(book), cancel) is not null ? new Ready(Target(book)) : new NotPrinted();
    }

    /// <summary>The kept PDF, printed first when the handbook has changed since.</summary>
    public async Task<Result> RunAsync(CancellationToken cancel = default)
    {
        var book = await compose.RunAsync(ComposeHandbookBook.Target.Pdf, cancel);
        if (book is null)
        {
            return new NoHandbook();
        }
        var target = Target(book);
        if (await files.InfoAsync(target, cancel) is not null)
        {
            return new Ready(target);
        }
        await OneAtATime.WaitAsync(cancel);
        try
        {
            if (await files.InfoAsync(target, cancel) is not null)
            {
                return new Ready(target); // another request printed it meanwhile
            }
            var scratch = Directory.CreateTempSubdirectory("hub-pdf-");
            try
            {
                var html = Path.Combine(scratch.FullName, "handbook.html");
                await File.WriteAllTextAsync(html, book.Html, cancel);
                var assets = Path.Combine(scratch.FullName, ComposeHandbookBook.PdfAssetFolder);
                foreach (var asset in book.Assets)
                {
                    var copy = Path.GetFullPath(Path.Combine(assets, asset));
                    if (FileKeys.IsValid(HandbookFeature.FilesPrefix + asset) && copy.StartsWith(assets + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        await files.CopyToFileAsync(HandbookFeature.FilesPrefix + asset, copy, cancel); // a missing image prints as its alt text
                    }
                }
                var printed = Path.Combine(scratch.FullName, "handbook.pdf");
                var failure = await PrintAsync(html, printed, scratch.FullName, cancel);
                if (failure is not null)
                {
                    return new Failed(failure);
                }
                await files.PutFileAsync(target, printed, "application/pdf", cancel);
                await foreach (var old in files.ListAsync(ExportPrefix + "handbook-", cancel))
                {
                    if (old.Key != target)
                    {
                        await files.DeleteAsync(old.Key, cancel);
                    }
                }
                return new Ready(target);
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

    /// <summary>The file name is the content's fingerprint: a changed handbook gets a new PDF, an unchanged one is reused.</summary>
    private static string Target(ComposeHandbookBook.Book book) =>
        $"{ExportPrefix}handbook-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(book.Html)))[..16]}.pdf";

    private const string ExportPrefix = "handbook/export/";

    private Task<string?> PrintAsync(string html, string pdf, string profile, CancellationToken cancel) =>
        ChromiumPdf.PrintAsync(options.Value.ChromiumPath, TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds), html, pdf, profile, "the handbook", logger, outline: true, cancel);
}

