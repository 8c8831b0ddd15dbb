using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// One meeting of the crew: its plan (the host may change it until it begins), the focus person's case preparation,
/// the way into the room, and afterwards its notes and commitments. The crew's alone: a 404 to everyone else.
/// </summary>
[Authorize]
public sealed class MeetingPageModel(MeetingRooms rooms, ReadPractices practices, SaveMeetingPlan savePlan, SaveCasePreparation saveCase, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    public ViewerClock Clock => clock;
    public MeetingInRoom Room { get; private set; } = null!;
    public CasePreparation? Case { get; private set; }
    public IReadOnlyList<Commitment> Commitments { get; private set; } = [];
    public PlanEditor Editor { get; private set; } = null!;
    public bool OwnPlan => Room.Row is { Plan.Length: > 0 };

    [BindProperty] public List<PlanRow> Rows { get; set; } = [];
    [BindProperty] public bool CrewPlan { get; set; }
    [BindProperty] public string? Situation { get; set; }
    [BindProperty] public string? Tried { get; set; }
    [BindProperty] public string? Question { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int number) => await LoadAsync(id, number) ?? await ShowAsync(fresh: true);

    public async Task<IActionResult> OnPostPlanAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await savePlan.RunAsync(Room, Rows, CrewPlan, HttpContext.RequestAborted),
            CrewPlan ? strings["Meetings.FollowsCrewPlan"] : strings["Meetings.PlanSaved"], () => ShowAsync(fresh: false));

    public async Task<IActionResult> OnPostCaseAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await saveCase.RunAsync(Room, Situation, Tried, Question, HttpContext.RequestAborted),
            strings["Meetings.PreparationSaved"], () => ShowAsync(fresh: false));

    private async Task<IActionResult?> LoadAsync(Guid id, int number)
    {
        if (await rooms.LoadAsync(id, number, User, HttpContext.RequestAborted) is not { } room)
        {
            return NotFound();
        }
        Room = room;
        return null;
    }

    private async Task<IActionResult> ShowAsync(bool fresh)
    {
        NotKept.Say(Response);
        await clock.ZoneAsync();
        clock.FallBackTo(Room.Crew.TimeZone, strings["Crews.CrewsZone"]);
        Case = await rooms.CaseAsync(Room, HttpContext.RequestAborted);
        Commitments = await rooms.CommitmentsAsync(Room, Room.Meeting.Id, HttpContext.RequestAborted);
        if (fresh)
        {
            Rows = MeetingPlan.Rows([.. Room.Steps.Select(s => new PlanStep(s.Slug, s.Minutes))]);
            (Situation, Tried, Question) = (Case?.Situation, Case?.Tried, Case?.Question);
        }
        Editor = new PlanEditor(Rows, PlanEditor.ForCrews(await practices.AllAsync(HttpContext.RequestAborted), Rows), this);
        return Page();
    }
}
