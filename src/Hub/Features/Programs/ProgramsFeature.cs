using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Programs;

/// <summary>
/// Practice programs: a facilitator lists the people of a program and the size of each call's rooms, and the hub
/// plans breakout rooms so that everyone meets as many others as it can (the search budget is
/// <see cref="Platform.Configuration.FormationOptions"/>, shared with formation rounds).
/// </summary>
public static class ProgramsFeature
{
    public static WebApplicationBuilder AddPrograms(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgramAccess>();
        builder.Services.AddScoped<SaveProgram>();
        builder.Services.AddScoped<DeleteProgram>();
        builder.Services.AddScoped<IPersonalData, ProgramPersonalData>();
        return builder;
    }
}

/// <summary>A program with its rooms read back: who is in which room of which call, and who each person meets.</summary>
public sealed class ProgramView(PracticeProgram program)
{
    public PracticeProgram Program { get; } = program;
    public IReadOnlyList<PracticeParticipant> People { get; } = [.. program.Participants.OrderBy(p => p.Position)];
    public int[][][] Rooms { get; } = JsonSerializer.Deserialize<int[][][]>(program.Rooms) ?? [];
    public IReadOnlyList<string> Sizes { get; } = program.CallSizes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string NameOf(int position) => position < People.Count ? People[position].Name : "?";

    /// <summary>The room (0-based) of a person in a call, or null when they are away.</summary>
    public int? RoomOf(int call, int position)
    {
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

/// <summary>Loads a program for its facilitator only; to anyone else it does not exist.</summary>
public sealed class ProgramAccess(HubDbContext db)
{
    public async Task<ProgramView?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null)
        {
            return null;
        }
        var program = await db.PracticePrograms.AsNoTracking().Include(p => p.Participants)
            .SingleOrDefaultAsync(p => p.Id == id && p.FacilitatorUserId == me, cancellationToken);
        return program is null ? null : new ProgramView(program);
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
}
