using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// The meeting room: the step in progress, its prompt, a timer and the speaking order, the same for every member at
/// the same moment. The state lives in the database; the page's script follows the live stream, and without a script
/// the page looks again by itself every few seconds. Anyone outside the crew gets a 404.
/// </summary>
[Authorize]
public sealed class MeetingRoomModel(MeetingRooms rooms, MoveStep move, PauseTimer pause, ResumeTimer resume, SaveCommitments commitments, SaveMeetingNotes notes, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    /// <summary>Seconds between looks of a page without a script.</summary>
    public const int LookAgainSeconds = 5;

    public ViewerClock Clock => clock;
    public MeetingInRoom Room { get; private set; } = null!;
    public RoomState State { get; private set; } = null!;
    public IReadOnlyList<Commitment> LastTime { get; private set; } = [];
    public IReadOnlyList<Commitment> ThisTime { get; private set; } = [];
    public CasePreparation? Case { get; private set; }

    /// <summary>Set by "stop looking again while I write": the page without a script then stays still.</summary>
    [BindProperty(SupportsGet = true)] public bool Still { get; set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public int To { get; set; }
    [BindProperty] public List<string?> Commitments { get; set; } = [];
    [BindProperty] public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int number) => await LoadAsync(id, number) ?? await ShowAsync();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await move.RunAsync(Room, Version, To, HttpContext.RequestAborted), To >= Room.Steps.Count ? strings["Meetings.Room.Over.Notice"] : "",
            ReloadAsync);

    public async Task<IActionResult> OnPostPauseAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await pause.RunAsync(Room, Version, HttpContext.RequestAborted), strings["Meetings.Room.Paused.Notice"], ReloadAsync);

    public async Task<IActionResult> OnPostResumeAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await resume.RunAsync(Room, Version, HttpContext.RequestAborted), strings["Meetings.Room.Resumed.Notice"], ReloadAsync);

    public async Task<IActionResult> OnPostCommitmentsAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await commitments.RunAsync(Room, Commitments, HttpContext.RequestAborted), strings["Meetings.Room.Commitments.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostNotesAsync(Guid id, int number) =>
        await LoadAsync(id, number) ?? await AfterAsync(await notes.RunAsync(Room.View, Room.Meeting.Id, Notes ?? "", HttpContext.RequestAborted), strings["Crews.Show.NotesSaved"], ShowAsync);

    private async Task<IActionResult?> LoadAsync(Guid id, int number)
    {
        if (await rooms.LoadAsync(id, number, User, HttpContext.RequestAborted) is not { } room)
        {
            return NotFound();
        }
        Room = room;
        return null;
    }

    /// <summary>After a refused move or pause: show where the room is now, not where it was.</summary>
    private async Task<IActionResult> ReloadAsync()
    {
        Room = await rooms.LoadAsync(Room.View, Room.Meeting, HttpContext.RequestAborted);
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        NotKept.Say(Response);
        await clock.ZoneAsync();
        clock.FallBackTo(Room.Crew.TimeZone, strings["Crews.CrewsZone"]);
        State = RoomState.Of(Room, Room.Now, strings);
        if (await rooms.PreviousAsync(Room, HttpContext.RequestAborted) is { } previous)
        {
            LastTime = await rooms.CommitmentsAsync(Room, previous.Id, HttpContext.RequestAborted);
        }
        ThisTime = await rooms.CommitmentsAsync(Room, Room.Meeting.Id, HttpContext.RequestAborted);
        Case = await rooms.CaseAsync(Room, HttpContext.RequestAborted);
        if (Commitments.Count == 0)
        {
            Commitments = [.. ThisTime.Where(c => c.UserId == Room.View.Me.UserId).Select(c => (string?)c.Text)];
        }
        while (Commitments.Count < SaveCommitments.Most)
        {
            Commitments.Add("");
        }
        Notes ??= Room.Meeting.Notes;
        return Page();
    }

    /// <summary>"12 min left", "3 min over", from the step's start in the database (and where a pause froze it).</summary>
    public string TimeLeft()
    {
        if (Room.Left is not { } span)
        {
            return "";
        }
        var left = (int)Math.Ceiling(span.TotalMinutes);
        return left >= 1 ? strings["Meetings.Room.MinLeft", left] : left == 0 ? strings["Meetings.Room.TimeUp"] : strings["Meetings.Room.MinOver", -left];
    }
}
