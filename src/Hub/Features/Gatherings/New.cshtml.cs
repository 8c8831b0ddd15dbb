using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

[Authorize]
public sealed class NewEventModel(ViewerLoader viewers, HubDbContext db, CreateEvent create, IStringLocalizer<Strings> words) : EventFormPage
{
    /// <param name="owner">Who holds the event, preselected when the viewer may choose it ("congregation:{id}", from a congregation's page).</param>
    public async Task OnGetAsync(string? owner, CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        Owners = await EventForm.OwnersAsync(db, viewer, words, cancellationToken);
        Input.Owner = Owners.Any(o => o.Value == owner) ? owner! : (Owners.Count > 0 ? Owners[0].Value : null) ?? "";
        Input.TimeZone = viewer.ProfileZone?.Id ?? ""; // empty: the page's script fills in the device's zone
        Input.StartDate = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var viewer = await viewers.LoadAsync(User, cancellationToken);
        Owners = await EventForm.OwnersAsync(db, viewer, words, cancellationToken);
        var (outcome, id) = await create.RunAsync(viewer, Input.ToInput(), cancellationToken: cancellationToken);
        if (!outcome.Succeeded)
        {
            ShowError(outcome);
            return Page();
        }
        var proposed = await db.GatheringEvents.AnyAsync(e => e.Id == id && e.Approval == Data.Gatherings.EventApproval.Proposed, cancellationToken);
        Notice = words[proposed ? "Gatherings.Notice.Proposed" : "Gatherings.Notice.Created"];
        return Redirect($"/gatherings/{id}");
    }
}
