using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Hosts change an event and its cover; to anyone else the page does not exist.</summary>
[Authorize]
[UploadLimit(CoverImages.MaxUploadBytes)]
public sealed class EditEventModel(ViewerLoader viewers, HubDbContext db, EditEvent edit, SetEventCover cover, IStringLocalizer<Strings> words) : EventFormPage
{
    public Guid Id { get; private set; }
    public string CoverFile { get; private set; } = "";

    [BindProperty(Name = "Cover")]
    public IFormFile? CoverUpload { get; set; }

    public async Task<IActionResult> OnPostCoverAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        await using var stream = CoverUpload?.OpenReadStream();
        return await AfterCoverAsync(id, await cover.RunAsync(viewer, id, stream, CoverUpload?.Length ?? 0, cancellationToken), words["Gatherings.Notice.CoverSaved"], cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveCoverAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        return await AfterCoverAsync(id, await cover.RemoveAsync(viewer, id, cancellationToken), words["Gatherings.Notice.CoverRemoved"], cancellationToken);
    }

    private async Task<IActionResult> AfterCoverAsync(Guid id, Outcome outcome, string notice, CancellationToken cancellationToken)
    {
        // The event's own fields were not part of this form: only the cover's message belongs on the page.
        ModelState.Clear();
        if (outcome.Succeeded)
        {
            Notice = notice;
            return Redirect($"/gatherings/{id}/edit");
        }
        var shown = await OnGetAsync(id, cancellationToken);
        if (shown is PageResult)
        {
            ModelState.AddModelError(outcome.Field, outcome.Message);
        }
        return shown;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return NotFound();
        }
        Id = id;
        CoverFile = e.CoverFile;
        Input = EventForm.From(e);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return NotFound();
        }
        Id = id;
        // The owner does not change here; the form shows no owner choice.
        Input.Owner = EventForm.From(e).Owner;
        var outcome = await edit.RunAsync(viewer, id, Input.ToInput(), cancellationToken: cancellationToken);
        if (!outcome.Succeeded)
        {
            ShowError(outcome);
            return Page();
        }
        Notice = words["Gatherings.Notice.Changed"];
        return Redirect($"/gatherings/{id}");
    }
}
