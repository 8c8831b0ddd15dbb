using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

[Authorize(Roles = Accounts.AccountsFeature.AdminRole)]
public sealed class AdminModel(HubDbContext db, ImportHandbook import) : HubPageModel
{
    public sealed class ImportInput
    {
        [Required(ErrorMessage = "Give a folder on the server or a git URL.")]
        [StringLength(2000)]
        public string Source { get; set; } = "";

        [StringLength(300)]
        public string? Title { get; set; }

        [StringLength(300)]
        public string? Author { get; set; }
    }

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public HandbookImport? LastImport { get; private set; }
    public HandbookInfo? Info { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(prefill: true, cancel);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(prefill: false, cancel);
            return Page();
        }
        var result = await import.RunAsync(Input.Source.Trim(), new ImportHandbook.Settings(Input.Title?.Trim(), Input.Author?.Trim()), cancel: cancel);
        Notice = result.Succeeded
            ? $"Imported: {result.PagesAdded} added, {result.PagesChanged} changed, {result.PagesRemoved} removed, {result.PagesUnchanged} unchanged; {result.ProblemCount} problems in the report."
            : "The import could not run: see the report below.";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool prefill, CancellationToken cancel)
    {
        LastImport = await db.HandbookImports.AsNoTracking().OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancel);
        Info = await db.Handbooks.AsNoTracking().OrderBy(h => h.Id).FirstOrDefaultAsync(cancel);
        if (prefill && Info is not null)
        {
            Input = new ImportInput { Source = Info.Source, Title = Info.Title, Author = Info.Author };
        }
    }
}
