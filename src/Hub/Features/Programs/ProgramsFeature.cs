using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// Practice programs: a facilitator lists the people of a program and the size of each call's rooms, and the hub
/// plans breakout rooms so that everyone meets as many others as it can (the search budget is
/// <see cref="Platform.Configuration.FormationOptions"/>, shared with formation rounds). A program tied to a
/// gathering is a cohort: its calls are the gathering's dates and its participants the people going
/// (<see cref="SyncCohort"/>). A facilitator team runs it together, and at its end forms crews from the cohort.
/// </summary>
public static class ProgramsFeature
{
    public static WebApplicationBuilder AddPrograms(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgramAccess>();
        builder.Services.AddScoped<SaveProgram>();
        builder.Services.AddScoped<SyncCohort>();
        builder.Services.AddScoped<IEventAnsweredHandler>(s => s.GetRequiredService<SyncCohort>());
        builder.Services.AddScoped<ICohortRooms, CohortRooms>();
        builder.Services.AddScoped<InviteParticipants>();
        builder.Services.AddScoped<InviteCoFacilitator>();
        builder.Services.AddScoped<AnswerTeamInvitation>();
        builder.Services.AddScoped<ProgramNotices>();
        builder.Services.AddScoped<DeleteProgram>();
        builder.Services.AddScoped<IPersonalData, ProgramPersonalData>();
        return builder;
    }

    /// <summary>"Ana", "Ana and Ben", "Ana, Ben and Chloé".</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "nobody else",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>The same list in the page's language.</summary>
    public static string Names(IReadOnlyList<string> names, Microsoft.Extensions.Localization.IStringLocalizer strings) => names.Count switch
    {
        0 => strings["Programs.Names.Nobody"],
        1 => names[0],
        _ => strings["Email.List.And", string.Join(", ", names.Take(names.Count - 1)), names[^1]],
    };
}

/// <summary>How the viewer stands to a program: on its facilitator team, in its cohort, or invited to the team.</summary>
public enum ProgramRole { Team, Participant, InvitedToTeam }

/// <summary>A program with its rooms read back: who is in which room of which call, and who each person meets.</summary>
public sealed class ProgramView(PracticeProgram program)
{
    public PracticeProgram Program { get; } = program;
    public IReadOnlyList<PracticeParticipant> People { get; } = [.. program.Participants.OrderBy(p => p.Position)];
    public int[][][] Rooms { get; } = JsonSerializer.Deserialize<int[][][]>(program.Rooms) ?? [];
    public IReadOnlyList<string> Sizes { get; } = program.CallSizes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The viewer's standing; set by <see cref="ProgramAccess"/>.</summary>
    public ProgramRole Role { get; init; } = ProgramRole.Team;

    /// <summary>The viewer's place in the list when they are a participant (their rooms); null otherwise.</summary>
    public int? MyPosition { get; init; }

    /// <summary>Whether the viewer made the program (only they change its list, tie it or delete it).</summary>
    public bool IsOwner { get; init; }

    /// <summary>The people still in the program (a cohort's people who stopped going are kept, away from every call).</summary>
    public IEnumerable<PracticeParticipant> Present => People.Where(p => !p.Left);

    public string NameOf(int position) => position < People.Count ? People[position].Name : "?";

    /// <summary>The room (0-based) of a person in a call, or null when they are away.</summary>
    public int? RoomOf(int call, int position)
    {
        if (call >= Rooms.Length)
        {
            return null;
        }
        for (var r = 0; r < Rooms[call].Length; r++)
        {
            if (Rooms[call][r].Contains(position))
            {
                return r;
            }
        }
        return null;
    }

    /// <summary>How many different people each participant meets over the whole program.</summary>
    public int DistinctMet(int position) =>
        Rooms.SelectMany(call => call).Where(room => room.Contains(position)).SelectMany(room => room).Where(p => p != position).Distinct().Count();
}

/// <summary>
/// Loads a program for its facilitator team (the one who made it and the co-facilitators who accepted); its own page
/// also for its participants with an account and for someone invited to the team. To anyone else it does not exist.
/// </summary>
public sealed class ProgramAccess(HubDbContext db)
{
    /// <summary>For the team only: the full rooms, the Zoom files, the view to start a call.</summary>
    public async Task<ProgramView?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await LoadForViewerAsync(id, user, cancellationToken) is { Role: ProgramRole.Team } view ? view : null;

    public async Task<ProgramView?> LoadForViewerAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null)
        {
            return null;
        }
        var program = await db.PracticePrograms.AsNoTracking().Include(p => p.Participants).Include(p => p.Team)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null)
        {
            return null;
        }
        var owner = program.FacilitatorUserId == me;
        var team = program.Team.SingleOrDefault(f => f.UserId == me);
        var mine = program.Participants.FirstOrDefault(p => p.UserId == me && !p.Left);
        ProgramRole? role = owner || team?.AcceptedAt is not null ? ProgramRole.Team
            : mine is not null ? ProgramRole.Participant
            : team is not null ? ProgramRole.InvitedToTeam
            : null;
        return role is null ? null : new ProgramView(program) { Role = role.Value, IsOwner = owner, MyPosition = mine?.Position };
    }

    /// <summary>For the participant's own page: the secret is the only key.</summary>
    public async Task<(ProgramView View, int Position)?> BySecretAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 64)
        {
            return null;
        }
        var participant = await db.PracticeParticipants.AsNoTracking().SingleOrDefaultAsync(p => p.Secret == secret, cancellationToken);
        if (participant is null)
        {
            return null;
        }
        var program = await db.PracticePrograms.AsNoTracking().Include(p => p.Participants).SingleAsync(p => p.Id == participant.ProgramId, cancellationToken);
        return (new ProgramView(program), participant.Position);
    }

    /// <summary>
    /// The dates of a cohort's calls: the tied gathering's dates in order, cancelled ones skipped, one per call; empty
    /// for a program of listed names (its calls have no dates on the hub).
    /// </summary>
    public async Task<IReadOnlyList<Occurrence>> CallDatesAsync(PracticeProgram program, int calls, CancellationToken cancellationToken = default)
    {
        if (program.GatheringId is not { } gatheringId
            || await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == gatheringId, cancellationToken) is not { } gathering)
        {
            return [];
        }
        var rows = await db.Set<EventOccurrence>().AsNoTracking().Where(o => o.EventId == gatheringId).ToListAsync(cancellationToken);
        return [.. EventSchedule.Between(gathering, rows, gathering.StartsAt.AddDays(-1), gathering.StartsAt.AddYears(2), calls + 50)
            .Where(o => !o.IsCancelled).Take(calls)];
    }

    /// <summary>The call to start now: the first whose date has not ended, else the last; call 1 for a program without dates.</summary>
    public static int CurrentCall(IReadOnlyList<Occurrence> dates, int calls, DateTime nowUtc)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i].EndsAt > nowUtc)
            {
                return i + 1;
            }
        }
        return dates.Count > 0 ? Math.Min(dates.Count, calls) : 1;
    }
}
