using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Open Collective import in three steps on one page: choose the file, map its columns and see the
/// preview, import. The file's text travels in the form between steps, so nothing half-read is stored.
/// </summary>
[Authorize]
[RequestSizeLimit(5_000_000)]
public sealed class ImportModel(CommonsAccess access, ImportOpenCollective import, IStringLocalizer<Strings> strings) : HubPageModel
{
    public const int MaxBytes = 4_000_000;

    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? TransactionId { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Currency { get; set; }

    public IReadOnlyList<string> Headers { get; private set; } = [];
    public ImportOpenCollective.Preview? Preview { get; private set; }
    public ImportOpenCollective.Mapping Mapping => new(Date ?? "", TransactionId ?? "", Description ?? "", Kind ?? "", Amount ?? "", Currency ?? "");

    private async Task<bool> AllowedAsync(CancellationToken cancellationToken) => (await access.ViewerAsync(User, cancellationToken)).IsTreasurer;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await AllowedAsync(cancellationToken) ? Page() : Forbid();

    /// <summary>Step 1: the file. Its headers become the choices of the mapping.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", strings["Commons.Import.ChooseFile"]);
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("File", strings["Commons.Import.TooLarge"]);
            return Page();
        }
        using (var reader = new StreamReader(file.OpenReadStream()))
        {
            Csv = await reader.ReadToEndAsync(cancellationToken);
        }
        var (headers, error) = ImportOpenCollective.ReadHeaders(Csv, strings);
        if (error is not null)
        {
            ModelState.AddModelError("File", error);
            Csv = null;
            return Page();
        }
        Headers = headers;
        var suggested = await import.SuggestAsync(headers, cancellationToken);
        (Date, TransactionId, Description, Kind, Amount, Currency) = (suggested.Date, suggested.TransactionId, suggested.Description, suggested.Kind, suggested.Amount, suggested.Currency);
        if (suggested.Columns.All(c => c.Column.Length > 0))
        {
            return await ShowPreviewAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>Step 2: the mapping, and what it would import.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        Headers = ImportOpenCollective.ReadHeaders(Csv ?? "", strings).Headers;
        return await ShowPreviewAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowPreviewAsync(CancellationToken cancellationToken)
    {
        var (preview, outcome) = await import.PreviewAsync(Csv ?? "", Mapping, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field, outcome.Message);
        }
        Preview = preview;
        return Page();
    }

    /// <summary>Step 3: everything, or nothing.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        Headers = ImportOpenCollective.ReadHeaders(Csv ?? "", strings).Headers;
        var (preview, outcome) = await import.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, Csv ?? "", Mapping, cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = strings.Plural("Commons.Import.Imported", preview!.New, preview.Duplicates);
            return Redirect("/commons/treasury");
        }
        ModelState.AddModelError(outcome.Field, outcome.Message);
        Preview = preview;
        return Page();
    }
}
