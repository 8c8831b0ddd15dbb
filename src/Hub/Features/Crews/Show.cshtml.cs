using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>The crew's private space. To anyone outside the crew it does not exist (404).</summary>
[Authorize]
public sealed class CrewSpaceModel(CrewAccess access, HubDbContext db, RespondToCrewInvitation respond, StartExperiment start,
    SwapHosts swap, SaveMeetingNotes notes, AnswerRetrospective retrospective, CloseTerm close, InviteToCrew invite, ChooseSlot chooseSlot, ReturnFromPause returnFromPause, TimeProvider time, ViewerClock clock, PeopleToPick people,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    public ViewerClock Clock => clock;
    public CrewView View { get; private set; } = null!;
    public int Answered { get; private set; }
    public RetrospectiveAnswer? MyAnswer { get; private set; }

    [BindProperty] public bool Accept { get; set; }
    [BindProperty] public DateOnly? FirstDate { get; set; }
    [BindProperty] public Guid SwapA { get; set; }
    [BindProperty] public Guid SwapB { get; set; }
    [BindProperty] public Guid MeetingId { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Worked { get; set; }
    [BindProperty] public string? DidNot { get; set; }
    [BindProperty] public RetrospectiveChoice Choice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostRespondAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await respond.RunAsync(View, Accept), Accept ? strings["Crews.Show.Welcome"] : strings["Crews.Show.Declined"], ShowAsync);

    public async Task<IActionResult> OnPostReturnAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await returnFromPause.RunAsync(View, Accept),
            Accept ? strings["Crews.Show.WelcomeBack"] : strings["Crews.Show.Left"], ShowAsync);

    public async Task<IActionResult> OnPostStartAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await start.RunAsync(View, FirstDate), strings["Crews.Show.Planned"], ShowAsync);

    public async Task<IActionResult> OnPostSwapAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await swap.RunAsync(View, SwapA, SwapB), strings["Crews.Show.Swapped"], ShowAsync);

    public async Task<IActionResult> OnPostNotesAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await notes.RunAsync(View, MeetingId, Notes ?? ""), strings["Crews.Show.NotesSaved"], ShowAsync);

    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public int SlotIndex { get; set; }

    /// <summary>Hours where every member who shared a grid is free, in the crew's zone; and who has not shared one.</summary>
    public IReadOnlyList<SharedAvailability.Slot> CommonSlots { get; private set; } = [];
    public IReadOnlyList<string> WithoutGrid { get; private set; } = [];

    /// <summary>How many members shared their hours with the crew, on finding a time or on a profile others may see.</summary>
    public int SharedCount { get; private set; }

    /// <summary>The slot's next date, proposed as the first meeting when the crew starts a term.</summary>
    public DateOnly? ProposedFirstDate { get; private set; }

    public async Task<IActionResult> OnPostSlotAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        var outcome = SlotIndex is < 0 or >= 168 ? Outcome.Refused(strings["Crews.Show.ChooseShownHour"])
            : await chooseSlot.RunAsync(View, SharedAvailability.DayOf(SlotIndex / 24), new TimeOnly(SlotIndex % 24, 0), HttpContext.RequestAborted);
        return await AfterAsync(outcome, View.Crew.Stage == CrewStage.Meeting
            ? strings["Crews.Show.TimeSetMoved"]
            : strings["Crews.Show.TimeSet"], ShowAsync);
    }

    /// <summary>How many members are free in each hour, once at least one has shared their hours.</summary>
    public WeekHeat? Overlap { get; private set; }

    /// <summary>The members' fellow members, to pick whom to invite.</summary>
    public IReadOnlyList<PeopleToPick.Person> People { get; private set; } = [];

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        var choice = await people.ResolveAsync(View.Me.UserId, InviteEmail, cancellationToken);
        var outcome = choice is null ? Outcome.Refused(PeopleToPick.Refusal(strings, InviteEmail), "InviteEmail") : await invite.RunAsync(View, choice, cancellationToken);
        return await AfterAsync(outcome, strings["Crews.Show.InvitationSent", choice?.Shown ?? ""], ShowAsync);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await close.RunAsync(View), strings["Crews.Show.RetroOpened"], ShowAsync);

    public async Task<IActionResult> OnPostRetrospectiveAsync(Guid id) =>
        await LoadAsync(id) ?? await AfterAsync(await retrospective.RunAsync(View, Worked ?? "", DidNot ?? "", Choice), strings["Crews.Show.AnswerKept"], ShowAsync);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var view = await access.LoadAsync(id, User, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return null;
    }


    /// <summary>The look back open now (a term's end, or halfway through a long term), if any.</summary>
    public Retrospectives.LookBack? LookBack { get; private set; }

    /// <summary>The changes each meeting of this term opens with, by meeting number: the last retrospective's, or a halfway look back's.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Carried { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>
    /// One read of the crew's changes for both: what this term's meetings open with (<see cref="Carried"/>) and what each
    /// earlier term carried on into the next (<see cref="CarriedOn"/>).
    /// </summary>
    private async Task LoadChangesAsync()
    {
        var crew = View.Crew;
        LookBack = Retrospectives.LookBack.Open(View);
        var points = View.ThisTerm.Select(m => (m.Number, From: Retrospectives.LookBack.CarriedInto(m, crew.MeetingsPerTerm))).Where(p => p.From is not null).ToList();
        var earlierTerms = crew.Meetings.Any(m => m.Term < crew.Term);
        if (!View.IsJoined || (points.Count == 0 && !earlierTerms))
        {
            return;
        }
        var changes = await db.CrewChanges.AsNoTracking().Where(c => c.CrewId == crew.Id && c.Term <= crew.Term).OrderBy(c => c.AddedAt)
            .Select(c => new { c.Term, c.AtMeeting, c.Text }).ToListAsync();
        Carried = points.ToDictionary(p => p.Number, p => (IReadOnlyList<string>)[.. changes.Where(c => c.Term == p.From!.Term && c.AtMeeting == p.From.AtMeeting).Select(c => c.Text)]);
        CarriedOn = changes.Where(c => c.Term < crew.Term && c.AtMeeting == 0).GroupBy(c => c.Term)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.Text)]);
    }

    /// <summary>What each earlier term carried on into the next from its end-of-term look back, by term: part of its record.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> CarriedOn { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The congregation the crew was called in, if any: (name, slug).</summary>
    public (string Name, string Slug)? Congregation { get; private set; }

    private async Task<IActionResult> ShowAsync()
    {
        await clock.ZoneAsync();
        var crew = View.Crew;
        if (View.IsJoined && crew.Stage == CrewStage.Forming)
        {
            People = await people.ListAsync(View.Me.UserId);
        }
        clock.FallBackTo(crew.TimeZone, strings["Crews.CrewsZone"]);
        if (crew.CongregationId is { } congregationId)
        {
            Congregation = await db.Congregations.AsNoTracking().Where(c => c.Id == congregationId)
                .Select(c => new { c.Name, c.Slug }).SingleOrDefaultAsync() is { } found ? (found.Name, found.Slug) : null;
        }
        if (crew.Stage == CrewStage.Forming && CrewSchedule.FindZone(crew.TimeZone) is { } crewZone)
        {
            // Only hours a member shares with the crew count: a profile grid kept for "only me" never enters.
            var ids = View.Joined.Select(m => m.UserId).ToList();
            var shared = await Gatherings.SharedGrids.LoadAsync(db, Data.Gatherings.TimeFindingGroup.Crew, crew.Id, ids, HttpContext.RequestAborted);
            var grids = shared.Grids.Select(g => (g.Grid, CrewSchedule.FindZone(g.Zone) ?? crewZone)).ToList();
            SharedCount = grids.Count;
            WithoutGrid = [.. View.Joined.Where(m => shared.WithoutUserIds.Contains(m.UserId)).Select(m => m.User.DisplayName)];
            var (counts, of) = SharedAvailability.Counts(grids, crewZone, time.GetUtcNow().UtcDateTime);
            // Listed in the reader's week, as the grids draw it (Sunday first in English, Monday first in German).
            var days = WeekHours.Days.ToList();
            CommonSlots = of == 0 ? [] : [.. SharedAvailability.Slots([.. Enumerable.Range(0, 168).Where(hour => counts[hour] == of)])
                .OrderBy(slot => days.IndexOf(slot.Day))];
            Overlap = of == 0 ? null : new WeekHeat(counts, of, "crew-heat",
                strings["Crews.Show.HeatCaption", crew.TimeZone, of]);
            ProposedFirstDate = CrewSchedule.NextDate(crew, crewZone, time.GetUtcNow().UtcDateTime).ToDateOnly();
        }
        await LoadChangesAsync();
        Answered = await db.RetrospectiveAnswers.CountAsync(a => a.CrewId == crew.Id && a.Term == crew.Term);
        MyAnswer = await db.RetrospectiveAnswers.AsNoTracking()
            .SingleOrDefaultAsync(a => a.CrewId == crew.Id && a.Term == crew.Term && a.UserId == View.Me.UserId);
        return Page();
    }
}
