using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Finding the crew's regular time. Private like the crew: to anyone outside it, 404.</summary>
public sealed class CrewFindTimeModel(HubDbContext db, ViewerLoader viewers, TimeFindingAccess access, LoadOverlap overlap,
    MarkAvailability mark, ConfirmFoundTime confirm, TimeProvider time)
    : FindTimePage(db, viewers, access, overlap, mark, confirm, time)
{
    protected override TimeFindingGroup Kind => TimeFindingGroup.Crew;
    public override string BackUrl => $"/crews/{Group.GroupId}";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadGroupAsync(id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostMarkAsync(Guid id) => await LoadGroupAsync(id) ?? await MarkAsync();

    // While the crew forms, the confirmed time is also its slot, from which the term's meetings are planned.
    public async Task<IActionResult> OnPostConfirmAsync(Guid id) => await LoadGroupAsync(id) ?? await ConfirmAsync(async (group, slot) =>
        await Db.Crews.Where(c => c.Id == group.GroupId && c.Stage == CrewStage.Forming).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.SlotDay, SharedAvailability.DayOf(slot / 24)).SetProperty(c => c.SlotTime, new TimeOnly(slot % 24, 0))));
}
