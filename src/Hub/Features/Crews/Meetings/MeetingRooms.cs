using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Practices;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>One commitment, with the name of the member who made it.</summary>
public sealed record Commitment(string UserId, string Name, int Position, string Text);

/// <summary>One practice of a meeting as the room shows it.</summary>
public sealed record RoomStep(int Index, string Slug, string Title, string Summary, string Prompt, int Minutes, IReadOnlyList<PracticeStep> Parts)
{
    public bool IsCheckIn => Slug == "check-in";
    public bool IsCaseClinic => Slug == "case-clinic";
    public bool IsBoardReview => Slug == "board-review";
}

/// <summary>
/// A meeting of a crew as one of its members sees it: its plan, its room's state from the database and who may
/// move the room on. Everyone outside the crew (administrators included) gets nothing.
/// </summary>
public sealed record MeetingInRoom(CrewView View, CrewMeeting Meeting, MeetingRoom? Row, CrewPlan? CrewPlan, IReadOnlyList<RoomStep> Steps, DateTime Now)
{
    public Crew Crew => View.Crew;
    public string Address => $"/crews/{Crew.Id}/meetings/{Meeting.Number}";

    /// <summary>The room of this meeting at an address that stays the same after the crew renews its term.</summary>
    public string RecordAddress => RecordOf(Crew.Id, Meeting);
    public bool EarlierTerm => Meeting.Term < Crew.Term;

    public static string RecordOf(Guid crewId, CrewMeeting meeting) => $"/crews/{crewId}/terms/{meeting.Term}/meetings/{meeting.Number}/room";
    public bool IsHost => Meeting.HostUserId == View.Me.UserId;
    public bool IsFocus => Meeting.FocusUserId == View.Me.UserId;

    /// <summary>The host, or anyone when the crew chose so (or when the host has left the crew).</summary>
    public bool MayMove => CrewPlan?.AnyoneMoves == true || IsHost || View.Joined.All(p => p.UserId != Meeting.HostUserId);
    public int Step => Row?.Step ?? -1;
    public int Version => Row?.Version ?? 0;
    public bool Begun => Step >= 0;
    public bool Over => Step >= Steps.Count;
    public RoomStep? Current => Step >= 0 && Step < Steps.Count ? Steps[Step] : null;
    public DateTime? EndsAt => Current is { } step && Row?.StepStartedAt is { } started ? started.AddMinutes(step.Minutes) : null;

    /// <summary>The step's timer is paused: the time left stays what it was when someone paused it.</summary>
    public bool Paused => Current is not null && Row?.PausedAt is not null;

    /// <summary>The step's time left (negative once it runs over), frozen while the timer is paused.</summary>
    public TimeSpan? Left => EndsAt is { } ends ? ends - (Paused ? Row!.PausedAt!.Value : Now) : null;

    /// <summary>Who speaks in what order: the focus person first in their case clinic, otherwise the host first, then around the crew.</summary>
    public IReadOnlyList<string> SpeakingOrder(RoomStep? step)
    {
        var people = View.Joined;
        if (people.Count == 0)
        {
            return [];
        }
        var first = step?.IsCaseClinic == true ? Meeting.FocusUserId : Meeting.HostUserId;
        var start = Math.Max(0, people.ToList().FindIndex(p => p.UserId == first));
        return [.. Enumerable.Range(0, people.Count).Select(i => people[(start + i) % people.Count].User.DisplayName)];
    }
}

/// <summary>Reads a meeting and its room for a member of the crew; the page, the live stream and the operations start here.</summary>
public sealed class MeetingRooms(CrewAccess access, HubDbContext db, ReadPractices practices, TimeProvider time)
{
    /// <summary>Null (a 404) unless the viewer is a joined member of the crew and the term has a meeting of that number.</summary>
    public async Task<MeetingInRoom?> LoadAsync(Guid crewId, int number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await access.LoadAsync(crewId, user, cancellationToken);
        if (view is null || !view.IsJoined || view.ThisTerm.FirstOrDefault(m => m.Number == number) is not { } meeting)
        {
            return null;
        }
        return await LoadAsync(view, meeting, cancellationToken);
    }

    /// <summary>
    /// A meeting of any term the crew has had, the current one included, for the room's record at
    /// <c>/crews/&lt;id&gt;/terms/&lt;term&gt;/meetings/&lt;n&gt;/room</c>: the same rule as the room, the crew's joined members alone.
    /// </summary>
    public async Task<MeetingInRoom?> LoadRecordAsync(Guid crewId, int term, int number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var view = await access.LoadAsync(crewId, user, cancellationToken);
        if (view is null || !view.IsJoined || view.Crew.Meetings.FirstOrDefault(m => m.Term == term && m.Number == number) is not { } meeting)
        {
            return null;
        }
        return await LoadAsync(view, meeting, cancellationToken);
    }

    public async Task<MeetingInRoom> LoadAsync(CrewView view, CrewMeeting meeting, CancellationToken cancellationToken = default)
    {
        var row = await db.MeetingRooms.AsNoTracking().SingleOrDefaultAsync(r => r.MeetingId == meeting.Id, cancellationToken);
        var plan = await db.CrewPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CrewId == view.Crew.Id, cancellationToken);
        var library = await practices.AllAsync(cancellationToken);
        var steps = MeetingPlan.Parse(row is { Plan.Length: > 0 } ? row.Plan : plan?.Steps);
        return new MeetingInRoom(view, meeting, row, plan, [.. steps.Select((s, i) => StepOf(i, s, library))], time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The room's version alone: one indexed row, read a few times a second by each open page's stream.</summary>
    public Task<int> VersionAsync(Guid meetingId, CancellationToken cancellationToken) =>
        db.MeetingRooms.AsNoTracking().Where(r => r.MeetingId == meetingId).Select(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The commitments written at a meeting, by person and in their order.</summary>
    public async Task<IReadOnlyList<Commitment>> CommitmentsAsync(MeetingInRoom room, Guid meetingId, CancellationToken cancellationToken = default)
    {
        var rows = await db.MeetingCommitments.AsNoTracking().Where(c => c.MeetingId == meetingId && c.CrewId == room.Crew.Id)
            .OrderBy(c => c.UserId).ThenBy(c => c.Position).Select(c => new { c.UserId, c.Position, c.Text }).ToListAsync(cancellationToken);
        return [.. rows.Select(c => new Commitment(c.UserId, room.View.NameOf(c.UserId), c.Position, c.Text)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Position)];
    }

    /// <summary>The crew's meeting before this one (in this term or the last), whose commitments the check-in looks back on.</summary>
    public Task<CrewMeeting?> PreviousAsync(MeetingInRoom room, CancellationToken cancellationToken = default) =>
        db.CrewMeetings.AsNoTracking().Where(m => m.CrewId == room.Crew.Id && m.StartsAt < room.Meeting.StartsAt)
            .OrderByDescending(m => m.StartsAt).FirstOrDefaultAsync(cancellationToken);

    public Task<CasePreparation?> CaseAsync(MeetingInRoom room, CancellationToken cancellationToken = default) =>
        db.CasePreparations.AsNoTracking().SingleOrDefaultAsync(p => p.MeetingId == room.Meeting.Id && p.CrewId == room.Crew.Id, cancellationToken);

    private static RoomStep StepOf(int index, PlanStep step, IReadOnlyList<Practice> library) =>
        library.FirstOrDefault(p => p.Slug == step.Slug) is { } practice
            ? new RoomStep(index, step.Slug, practice.Title, practice.Summary, (practice.Prompts.Count > 0 ? practice.Prompts[0] : ""), step.Minutes, practice.Steps)
            : new RoomStep(index, step.Slug, step.Slug, "", "", step.Minutes, []);
}
