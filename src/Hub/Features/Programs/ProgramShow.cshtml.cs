using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Features.Rounds;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// A program's page. The facilitator team sees every call's rooms, the participants' links, the Zoom files and the
/// team; a participant with an account sees their own room in each call with the names (and photos they may see)
/// of the others; someone invited to the team answers the invitation. At the end, the team forms crews from the cohort.
/// </summary>
[Authorize]
public sealed class ProgramModel(ProgramAccess access, HubDbContext db, ViewerClock clock, TimeProvider time, DeleteProgram delete,
    InviteParticipants invite, InviteCoFacilitator team, AnswerTeamInvitation answerTeam, SyncCohort sync, OpenRound openRound,
    IStringLocalizer<Strings> strings) : HubPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ProgramView View { get; private set; } = null!;
    public ViewerClock Clock => clock;
    public IReadOnlyList<Occurrence> Dates { get; private set; } = [];
    public string? GatheringTitle { get; private set; }
    public IReadOnlyList<(string Name, bool Accepted)> Team { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Photos { get; private set; } = new Dictionary<string, string>();
    public (Guid Id, string Title, FormationStage Stage)? Round { get; private set; }
    public int CurrentCall { get; private set; } = 1;
    public int WithAccount { get; private set; }
    public int NotYetInvited { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? RoundTitle { get; set; }
    [BindProperty] public DateTime? Due { get; set; }

    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadForViewerAsync(Id, User, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        await clock.ZoneAsync();
        var program = view.Program;
        Dates = await access.CallDatesAsync(program, view.Rooms.Length, cancellationToken);
        CurrentCall = ProgramAccess.CurrentCall(Dates, view.Rooms.Length, time.GetUtcNow().UtcDateTime);
        if (program.GatheringId is { } gatheringId)
        {
            GatheringTitle = await db.GatheringEvents.Where(e => e.Id == gatheringId).Select(e => e.Title).SingleOrDefaultAsync(cancellationToken);
        }
        var teamIds = program.Team.Select(f => f.UserId).Append(program.FacilitatorUserId).ToList();
        var names = await db.Users.Where(u => teamIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Team = [(names.GetValueOrDefault(program.FacilitatorUserId, "?"), true), .. program.Team.OrderBy(f => f.InvitedAt).Select(f => (names.GetValueOrDefault(f.UserId, "?"), f.AcceptedAt is not null))];
        Round = await db.FormationRounds.AsNoTracking().Where(r => r.ProgramId == program.Id).Select(r => new { r.Id, r.Title, r.Stage })
            .ToListAsync(cancellationToken) is [var round, ..] ? (round.Id, round.Title, round.Stage) : null;
        WithAccount = view.Present.Count(p => p.UserId is not null);
        NotYetInvited = view.Present.Count(p => p.UserId is null && p.InvitedAt is null);
        if (view.Role == ProgramRole.Participant)
        {
            var ids = view.People.Where(p => p.UserId is not null).Select(p => p.UserId!).Distinct().ToList();
            Photos = await ProgramFaces.LoadAsync(db, ids, Me, cancellationToken);
        }
        NotKept.Say(Response);
        return Page();
    }

    /// <summary>The people in the viewer's room for a call, without the viewer; empty when away or in the full circle.</summary>
    public IReadOnlyList<PracticeParticipant> RoomMates(int call) =>
        View.MyPosition is int me && View.RoomOf(call, me) is int room
            ? [.. View.Rooms[call][room].Where(p => p != me).Select(p => View.People[p])]
            : [];

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { IsOwner: true })
        {
            return NotFound();
        }
        var outcome = await delete.RunAsync(Me, Id, confirm, cancellationToken);
        return await AfterAsync(outcome, strings["Programs.Notice.Deleted"], () => ShowAsync(cancellationToken), "/programs");
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        var (outcome, count) = await invite.RunAsync(view, Me, cancellationToken);
        return await AfterAsync(outcome, strings.Plural("Programs.Notice.Invited", count),
            () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostTeamAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        return await AfterAsync(await team.RunAsync(view, Me, Email, cancellationToken), strings["Programs.Notice.TeamInvited"], () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostAnswerTeamAsync(bool accept, CancellationToken cancellationToken)
    {
        if (await access.LoadForViewerAsync(Id, User, cancellationToken) is not { Role: ProgramRole.InvitedToTeam })
        {
            return NotFound();
        }
        var outcome = await answerTeam.RunAsync(Id, Me, accept, cancellationToken);
        return await AfterAsync(outcome, accept ? strings["Programs.Notice.TeamWelcome"] : strings["Programs.Notice.TeamDeclined"],
            () => ShowAsync(cancellationToken), accept ? null : "/programs");
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is not { Program.GatheringId: not null })
        {
            return NotFound();
        }
        await sync.RunAsync(Id, cancellationToken);
        Notice = strings["Programs.Notice.Synced"];
        return Redirect(Request.Path);
    }

    public async Task<IActionResult> OnPostFormCrewsAsync(CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(Id, User, cancellationToken) is null)
        {
            return NotFound();
        }
        var zone = await clock.ZoneAsync();
        var (outcome, roundId) = await openRound.RunForProgramAsync(Id, Me, new OpenRound.Input(RoundTitle ?? "", Due), zone, cancellationToken);
        return await AfterAsync(outcome with { Field = outcome.Field is "Title" ? "RoundTitle" : outcome.Field },
            strings["Programs.Notice.Forming"],
            () => ShowAsync(cancellationToken), roundId is { } r ? $"/programs/{Id}/formation/{r}" : null);
    }
}
