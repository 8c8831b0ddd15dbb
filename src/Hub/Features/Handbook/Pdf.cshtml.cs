using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// The handbook as a PDF: the kept file when it matches the handbook as it is now; otherwise a page that
/// says it is being printed and looks again every few seconds (the download then starts by itself), or
/// why it could not be printed.
/// </summary>
public sealed class PdfModel(ExportHandbookPdf export, HandbookPdfPreparer preparer, IFileStore files) : PageModel
{
    public const int LookAgainSeconds = 5;

    public string? Failure { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        switch (await export.FindAsync(cancel))
        {
            case ExportHandbookPdf.Ready ready when await StoredFiles.ResultAsync(files, ready.Key, "application/pdf", cancel, "handbook.pdf", ranges: true) is { } pdf:
                return pdf;
            case ExportHandbookPdf.NoHandbook:
                return NotFound();
        }
        NotKept.Say(Response);
        // A failure is shown once nothing is printing; asking again tries again.
        Failure = preparer.IsPreparing ? null : preparer.LastFailure;
        preparer.Now();
        if (Failure is not null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        Response.StatusCode = StatusCodes.Status202Accepted;
        Response.Headers.RetryAfter = LookAgainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
