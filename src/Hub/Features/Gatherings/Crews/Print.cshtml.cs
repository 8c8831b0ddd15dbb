using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>For hosts: a sheet to print and lay on the tables, or pin up: each crew's number and who sits there.</summary>
[Authorize]
public sealed class GatheringCrewsPrintModel(CrewDateAccess access, CrewTables tables, ViewerLoader viewers, IStringLocalizer<Strings> words) : HubPageModel
{
    public CrewDate View { get; private set; } = null!;
    public IReadOnlyList<Table> Tables { get; private set; } = [];
    public string When { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, string? date)
    {
        var view = await access.LoadAsync(User, id, date, HttpContext.RequestAborted);
        if (view is null || !view.IsHost)
        {
            return NotFound();
        }
        View = view;
        var zone = viewers.ZoneForPage(view.Viewer, view.Event);
        When = EventTime.Range(view.Date.StartsAt, view.Date.EndsAt, zone, EventTime.FindZone(view.Event.TimeZone) ?? DateTimeZone.Utc, words);
        Tables = await tables.LoadAsync(view, withMarks: false, HttpContext.RequestAborted);
        NotKept.Say(Response);
        return Page();
    }
}
