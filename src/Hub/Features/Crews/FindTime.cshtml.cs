using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// Finding the crew's regular time. Private like the crew: to anyone outside it, 404. Confirming a
/// time is <see cref="ChooseSlot"/>, as on the crew page: the crew's slot is its one record of time.
/// </summary>
public sealed class CrewFindTimeModel(HubDbContext db, ViewerLoader viewers, TimeFindingAccess access, LoadOverlap overlap,
    MarkAvailability mark, ConfirmFoundTime confirm, TimeProvider time, CrewAccess crews, ChooseSlot chooseSlot,
    IStringLocalizer<Strings> strings)
    : FindTimePage(db, viewers, access, overlap, mark, confirm, time)
{
    protected override TimeFindingGroup Kind => TimeFindingGroup.Crew;
    public override string BackUrl => $"/crews/{Group.GroupId}";

    private CrewView view = null!;

    /// <summary>The crew as its member sees it, for the slot it meets in now.</summary>
    public Crew Crew => view.Crew;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadCrewAsync(id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostMarkAsync(Guid id) => await LoadCrewAsync(id) ?? await MarkAsync();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        if (await LoadCrewAsync(id) is { } missing)
        {
            return missing;
        }
        var outcome = Slot is < 0 or >= 168 ? Outcome.Refused(strings["Crews.FindTime.ChooseProposed"], "Slot")
            : await chooseSlot.RunAsync(view, SharedAvailability.DayOf(Slot / 24), new TimeOnly(Slot % 24, 0), HttpContext.RequestAborted);
        return await AfterAsync(outcome, view.Crew.Stage == CrewStage.Meeting
                ? strings["Crews.FindTime.TimeSetMoved"]
                : strings["Crews.FindTime.TimeSetStart"],
            ShowAsync, outcome.Succeeded ? $"/crews/{id}" : null);
    }

    private async Task<IActionResult?> LoadCrewAsync(Guid id)
    {
        if (await LoadGroupAsync(id) is { } missing)
        {
            return missing;
        }
        if (await crews.LoadAsync(id, User, HttpContext.RequestAborted) is not { } loaded)
        {
            return NotFound();
        }
        view = loaded;
        return null;
    }
}
