using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>The crew's own plan for its meetings and who moves the room on. The crew's alone: a 404 to everyone else.</summary>
[Authorize]
public sealed class CrewPlanModel(CrewAccess access, HubDbContext db, ReadPractices practices, SaveCrewPlan save, IStringLocalizer<Strings> strings) : HubPageModel
{
    public CrewView View { get; private set; } = null!;
    public PlanEditor Editor { get; private set; } = null!;

    [BindProperty] public List<PlanRow> Rows { get; set; } = [];
    [BindProperty] public bool AnyoneMoves { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? await ShowAsync(fresh: true);

    public async Task<IActionResult> OnPostAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await save.RunAsync(View, Rows, AnyoneMoves, HttpContext.RequestAborted),
            strings["Meetings.Plan.Saved"], () => ShowAsync(fresh: false));

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id, User, HttpContext.RequestAborted) is not { IsJoined: true } view)
        {
            return NotFound();
        }
        View = view;
        return null;
    }

    private async Task<IActionResult> ShowAsync(bool fresh)
    {
        NotKept.Say(Response);
        if (fresh)
        {
            var plan = await db.CrewPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CrewId == View.Crew.Id, HttpContext.RequestAborted);
            Rows = MeetingPlan.Rows(MeetingPlan.Parse(plan?.Steps));
            AnyoneMoves = plan?.AnyoneMoves ?? false;
        }
        Editor = new PlanEditor(Rows, PlanEditor.ForCrews(await practices.AllAsync(HttpContext.RequestAborted), Rows), this);
        return Page();
    }
}
