using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// A meeting's room at an address that names its term, so it stays the same once the crew renews: for a meeting of
/// this term it leads to the live room; for an earlier term's it shows what the room kept (the plan it ran, where it
/// stopped, the case, the commitments and the notes), to read only. The crew's joined members alone; a 404 to everyone else.
/// </summary>
[Authorize]
public sealed class MeetingRecordModel(MeetingRooms rooms, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    public ViewerClock Clock => clock;
    public MeetingInRoom Room { get; private set; } = null!;
    public IReadOnlyList<Commitment> Commitments { get; private set; } = [];
    public CasePreparation? Case { get; private set; }

    /// <summary>The room kept the plan it ran (or the host's own plan for it); otherwise the plan of the time is not known.</summary>
    public bool PlanKept => Room.Row is { Plan.Length: > 0 };

    public async Task<IActionResult> OnGetAsync(Guid id, int term, int number)
    {
        if (await rooms.LoadRecordAsync(id, term, number, User, HttpContext.RequestAborted) is not { } room)
        {
            return NotFound();
        }
        if (!room.EarlierTerm)
        {
            return Redirect($"{room.Address}/room");
        }
        Room = room;
        NotKept.Say(Response);
        await clock.ZoneAsync();
        clock.FallBackTo(Room.Crew.TimeZone, strings["Crews.CrewsZone"]);
        Commitments = await rooms.CommitmentsAsync(Room, Room.Meeting.Id, HttpContext.RequestAborted);
        Case = await rooms.CaseAsync(Room, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Where the room stood when the term ended, in a sentence.</summary>
    public string Outcome() =>
        Room.Row is null || !Room.Begun ? strings["Meetings.Record.NotOpened"]
        : Room.Over ? strings["Meetings.Record.AllSteps", Room.Steps.Count]
        : strings["Meetings.Record.StoppedAt", Room.Step + 1, Room.Steps.Count, Room.Current!.Title];
}
