using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// The temporary crews of one date of a gathering. Before the crews are formed, people going say privately whom
/// they would rather not sit with; hosts form, adjust and publish the crews; then everyone going sees every table
/// (a gathering's seating is open, like a plan on the wall) and each member says privately whether to go on as a
/// crew. "Rather not"s and answers are never shown to anyone: hosts see one mark per crew that holds a pair.
/// </summary>
[Authorize]
public sealed class GatheringCrewsModel(CrewDateAccess access, CrewTables tables, ViewerLoader viewers,
    SayRatherNot sayRatherNot, FormTemporaryCrews form, MoveToTemporaryCrew move, PublishTemporaryCrews publish, AnswerContinue answer,
    IStringLocalizer<Strings> words)
    : HubPageModel
{
    public CrewDate View { get; private set; } = null!;
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;
    public IReadOnlyList<Occurrence> Dates { get; private set; } = [];
    public IReadOnlyList<Table> Tables { get; private set; } = [];

    /// <summary>People going who are at no table yet (they said yes after the crews were formed), for hosts to seat.</summary>
    public IReadOnlyList<Seat> Unseated { get; private set; } = [];

    /// <summary>The others going, for the viewer's private "rather not" form, with what they chose before.</summary>
    public IReadOnlyList<(Seat Person, bool Chosen)> Others { get; private set; } = [];

    public Table? MyTable { get; private set; }
    public ContinueAnswer MyAnswer { get; private set; }

    [BindProperty] public List<string> About { get; set; } = [];
    [BindProperty] public int Size { get; set; } = FormTemporaryCrews.DefaultSize;
    [BindProperty] public string? Person { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public bool GoOn { get; set; }

    /// <summary>Set by the second press of "form again", which replaces the crews and every move.</summary>
    [BindProperty] public bool Confirmed { get; set; }
    public bool ConfirmingForm { get; private set; }

    public string DateQuery => $"?date={View.Date.Key}";
    public string Here => $"/gatherings/{View.Event.Id}/crews{DateQuery}";

    public async Task<IActionResult> OnGetAsync(Guid id, string? date) =>
        await LoadAsync(id, date) ?? await ShowAsync(fromSaved: true);

    public async Task<IActionResult> OnPostRatherNotAsync(Guid id, string? date) =>
        await LoadAsync(id, date) ?? await AfterAsync(await sayRatherNot.RunAsync(View, About, HttpContext.RequestAborted),
            words[About.Count == 0 ? "Gatherings.Notice.RatherNotNobody" : "Gatherings.Notice.RatherNotSaved"],
            () => ShowAsync(fromSaved: false), Here);

    public async Task<IActionResult> OnPostFormAsync(Guid id, string? date)
    {
        if (await LoadAsync(id, date) is { } refused)
        {
            return refused;
        }
        if (View.IsHost && View.Set is { Stage: GatheringCrewStage.Proposed } && !Confirmed)
        {
            ConfirmingForm = true;
            return await ShowAsync(fromSaved: true);
        }
        return await AfterAsync(await form.RunAsync(View, Size, HttpContext.RequestAborted),
            words["Gatherings.Notice.CrewsFormed"], () => ShowAsync(fromSaved: false), Here);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? date) =>
        await LoadAsync(id, date) ?? await AfterAsync(await move.RunAsync(View, Person ?? "", Target ?? "", HttpContext.RequestAborted),
            words["Gatherings.Notice.Moved"], () => ShowAsync(fromSaved: true), Here);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, string? date) =>
        await LoadAsync(id, date) ?? await AfterAsync(await publish.RunAsync(View, HttpContext.RequestAborted),
            words["Gatherings.Notice.CrewsPublished"], () => ShowAsync(fromSaved: true), Here);

    public async Task<IActionResult> OnPostContinueAsync(Guid id, string? date) =>
        await LoadAsync(id, date) ?? await AfterAsync(await answer.RunAsync(View, GoOn, HttpContext.RequestAborted),
            words[GoOn ? "Gatherings.Notice.GoOnYes" : "Gatherings.Notice.GoOnNo"],
            () => ShowAsync(fromSaved: true), Here);

    private async Task<IActionResult?> LoadAsync(Guid id, string? date)
    {
        var view = await access.LoadAsync(User, id, date, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Zone = viewers.ZoneForPage(view.Viewer, view.Event);
        return null;
    }

    private async Task<IActionResult> ShowAsync(bool fromSaved)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (View.IsHost)
        {
            Dates = await access.DatesAsync(View, cancellationToken);
        }
        if (View.ShowsCrews)
        {
            Tables = await tables.LoadAsync(View, withMarks: View.IsHost && View.Set!.Stage == GatheringCrewStage.Proposed, cancellationToken);
            MyTable = Tables.FirstOrDefault(t => t.People.Any(p => p.UserId == View.Viewer.UserId));
            MyAnswer = MyTable?.People.Single(p => p.UserId == View.Viewer.UserId).Answer ?? ContinueAnswer.Waiting;
            if (View.IsHost && View.Set!.Stage == GatheringCrewStage.Proposed)
            {
                var seated = Tables.SelectMany(t => t.People).Select(p => p.UserId).ToHashSet();
                var late = View.Going.Where(g => !seated.Contains(g)).ToList();
                Unseated = late.Count == 0 ? [] : [.. (await tables.PeopleAsync(View, late, cancellationToken)).Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)];
            }
        }
        if (View.TakesRatherNots)
        {
            var chosen = fromSaved ? await access.RatherNotsOfAsync(View, cancellationToken) : About.ToHashSet();
            var others = View.Going.Where(g => g != View.Viewer.UserId).ToList();
            Others = [.. (await tables.PeopleAsync(View, others, cancellationToken)).Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)
                .Select(p => (p, chosen.Contains(p.UserId)))];
        }
        NotKept.Say(Response);
        return Page();
    }

    public string Range(Occurrence o) => EventTime.Range(o.StartsAt, o.EndsAt, Zone, EventTime.FindZone(View.Event.TimeZone) ?? DateTimeZone.Utc, words);

    /// <summary>What the date's crews are at, in a line.</summary>
    public string Stage => View.Set switch
    {
        null => words["Gatherings.Crews.StageNone"],
        { Stage: GatheringCrewStage.Proposed } => words["Gatherings.Crews.StageFormed"],
        _ => words["Gatherings.Crews.StagePublished"],
    };
}
