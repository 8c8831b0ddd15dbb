using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// /admin/practices/edit?slug=…: write this hub's version of a practice (starting from the file's text
/// or the last saved version) or a new one; below, every saved version with who saved it and what changed.
/// </summary>
[Authorize(Roles = HubRoles.Admin)]
public sealed class EditPracticeModel(HubDbContext db, PracticeLibrary library, SavePractice save, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record VersionRow(int Number, string Title, string Note, string ChangedParts, string Editor, DateTime EditedAt);

    [BindProperty] public string? Slug { get; set; } = "";
    [BindProperty] public string? Text { get; set; } = "";
    [BindProperty] public string? Note { get; set; } = "";
    [BindProperty] public int BasedOn { get; set; }

    /// <summary>The form is for a new practice (its address is typed, not given).</summary>
    [BindProperty] public bool IsNew { get; set; }
    public bool FromFile { get; private set; }
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public ViewerClock Clock => clock;

    public static readonly string Template = """
        ---
        title: A new practice
        summary: One line that says what it is.
        purpose: >-
          What it is for, and when a group would choose it.
        scales: [crew]
        minutes: 10
        timed_for: a crew of five
        origin: Where it comes from, and who to credit.
        roles:
          - name: Host
            does: What the host does.
        steps:
          - title: First step
            minutes: 4
            what: What happens.
            host_says: >-
              The words the host might use.
          - title: Second step
            minutes: 6
            what: What happens.
            host_says: >-
              The words the host might use.
        prompts:
          - A question to work with.
        variations:
          - Another way to run it.
        online: How to run it on a call.
        in_person: How to run it in a room.
        ---
        Anything more, in Markdown.
        """;

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancel)
    {
        Slug = (slug ?? "").Trim();
        if (!await LoadAsync(cancel))
        {
            return NotFound();
        }
        if (Text == "")
        {
            Text = Template;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        var slug = (Slug ?? "").Trim().ToLowerInvariant();
        var outcome = await save.RunAsync(null, slug, Text ?? "", Note ?? "", BasedOn, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancel);
        if (outcome.Succeeded)
        {
            Notice = strings["Practices.Admin.Saved", $"/practices/{slug}"];
            return Redirect($"/admin/practices/edit?slug={Uri.EscapeDataString(slug)}");
        }
        ModelState.AddOutcome(outcome);
        var typed = (Text, Note, BasedOn, IsNew);
        if (!IsNew)
        {
            await LoadAsync(cancel);
        }
        (Text, Note, BasedOn, IsNew) = typed;
        return Page();
    }

    /// <summary>The practice's latest text and its versions; false when a slug names no practice at all.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(Slug))
        {
            IsNew = true;
            return true;
        }
        var row = await db.LibraryPractices.AsNoTracking().FirstOrDefaultAsync(p => p.CongregationId == null && p.Slug == Slug, cancel);
        if (row is null)
        {
            if (library.FindEnglish(Slug) is not { } file)
            {
                return false;
            }
            FromFile = true;
            Text = file.SourceText;
            BasedOn = 0;
            return true;
        }
        BasedOn = row.CurrentVersion;
        var versions = await db.LibraryPracticeVersions.AsNoTracking().Where(v => v.PracticeId == row.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Title, v.Note, v.ChangedParts, v.EditedAt, v.Text, Editor = db.Users.Where(u => u.Id == v.EditorUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancel);
        Text = versions.FirstOrDefault()?.Text ?? "";
        Versions = [.. versions.Select(v => new VersionRow(v.Number, v.Title, v.Note, v.ChangedParts, v.Editor ?? "a former member", v.EditedAt))];
        return true;
    }
}
