using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// /congregations/{slug}/practices/edit?practice=…: a congregation's hosts write one of its own practices,
/// with the same text, checks and versions as the hub's editor (<see cref="SavePractice"/>), scoped to it.
/// </summary>
public sealed class CongregationPracticeEditModel(CongregationAccess access, HubDbContext db, SavePractice save, ViewerClock clock, IStringLocalizer<Strings> strings) : CongregationPageModel(access)
{
    [BindProperty] public string? Slug { get; set; } = "";
    [BindProperty] public string? Text { get; set; } = "";
    [BindProperty] public string? Note { get; set; } = "";
    [BindProperty] public int BasedOn { get; set; }
    [BindProperty] public bool IsNew { get; set; }
    public IReadOnlyList<EditPracticeModel.VersionRow> Versions { get; private set; } = [];
    public ViewerClock Clock => clock;

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, string? practice)
    {
        if (await LoadAsync(slug, v => v.IsMember && v.Membership!.IsHost) is { } refused)
        {
            return refused;
        }
        Slug = (practice ?? "").Trim();
        if (!await LoadPracticeAsync())
        {
            return NotFound();
        }
        if (Text == "")
        {
            Text = EditPracticeModel.Template.Replace("scales: [crew]", "scales: [congregation]").Replace("timed_for: a crew of five", "timed_for: a circle of twelve");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug)
    {
        if (await LoadAsync(slug, v => v.IsMember && v.Membership!.IsHost) is { } refused)
        {
            return refused;
        }
        var practice = (Slug ?? "").Trim().ToLowerInvariant();
        var outcome = await save.RunAsync(View.Congregation.Id, practice, Text ?? "", Note ?? "", BasedOn, User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Notice = strings["Practices.Congregation.Saved"];
            return Redirect($"/congregations/{View.Congregation.Slug}/practices/{practice}");
        }
        ModelState.AddOutcome(outcome);
        var typed = (Text, Note, BasedOn, IsNew);
        if (!IsNew)
        {
            await LoadPracticeAsync();
        }
        (Text, Note, BasedOn, IsNew) = typed;
        return Page();
    }

    private async Task<bool> LoadPracticeAsync()
    {
        if (string.IsNullOrEmpty(Slug))
        {
            IsNew = true;
            return true;
        }
        var id = View.Congregation.Id;
        var row = await db.LibraryPractices.AsNoTracking().FirstOrDefaultAsync(p => p.CongregationId == id && p.Slug == Slug, HttpContext.RequestAborted);
        if (row is null)
        {
            return false;
        }
        BasedOn = row.CurrentVersion;
        var versions = await db.LibraryPracticeVersions.AsNoTracking().Where(v => v.PracticeId == row.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Title, v.Note, v.ChangedParts, v.EditedAt, v.Text, Editor = db.Users.Where(u => u.Id == v.EditorUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(HttpContext.RequestAborted);
        Text = versions.FirstOrDefault()?.Text ?? "";
        Versions = [.. versions.Select(v => new EditPracticeModel.VersionRow(v.Number, v.Title, v.Note, v.ChangedParts, v.Editor ?? "a former member", v.EditedAt))];
        return true;
    }
}
