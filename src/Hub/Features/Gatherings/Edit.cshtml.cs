using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Hosts change an event; to anyone else the page does not exist.</summary>
[Authorize]
public sealed class EditEventModel(ViewerLoader viewers, HubDbContext db, EditEvent edit) : EventFormPage
{
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        if (e is null || !viewer.CanHost(e))
        {
            return NotFound();
        }
        Id = id;
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
        var outcome = await edit.RunAsync(viewer, id, Input.ToInput(), cancellationToken);
        if (!outcome.Succeeded)
        {
            ShowError(outcome);
            return Page();
        }
        Notice = "The event is changed.";
        return Redirect($"/gatherings/{id}");
    }
}
