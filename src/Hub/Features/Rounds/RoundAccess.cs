using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Congregations;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// Whom a round belongs to, as one viewer stands to it: a congregation (its hosts host, its members take part) or a
/// practice program (its facilitator team hosts, its cohort takes part). <see cref="Path"/> is where its rounds live.
/// </summary>
public sealed record RoundOwner(string? UserId, bool IsHost, bool IsMember, string Name, string Path, CongregationView? Congregation)
{
    public static RoundOwner Of(CongregationView view) =>
        new(view.UserId, view.IsHost, view.IsMember, view.Congregation.Name, $"/congregations/{view.Congregation.Slug}/formation", view);
}

/// <summary>A round as one viewer may see it: its owner decides whether they are a member or a host.</summary>
public sealed record RoundView(RoundOwner Owner, FormationRound Round, FormationParticipant? Me)
{
    public bool IsHost => Owner.IsHost;
    public bool IsMember => Owner.IsMember;
    public bool IsParticipant => Me is not null;
    public string Path => $"{Owner.Path}/{Round.Id}";

    /// <summary>Preferences may change while the round is open and its deadline has not passed.</summary>
    public bool AcceptsPreferences(DateTime nowUtc) => Round.Stage == FormationStage.Open && nowUtc < Round.PreferencesDueAt;
}

/// <summary>
/// Loads a round for the members of its congregation only (hosts are members; the network's administrators
/// count as hosts, as everywhere in congregations), or for a program's cohort and facilitator team. Anyone else
/// gets nothing, as if the round did not exist.
/// </summary>
public sealed class RoundAccess(HubDbContext db)
{
    public Task<RoundView?> LoadAsync(CongregationView congregation, Guid id, CancellationToken cancellationToken = default) =>
        congregation.IsMember || congregation.IsHost
            ? LoadAsync(RoundOwner.Of(congregation), r => r.Id == id && r.CongregationId == congregation.Congregation.Id, id, cancellationToken)
            : Task.FromResult<RoundView?>(null);

    /// <summary>A program's round, for its facilitator team (hosts) and its cohort (members).</summary>
    public async Task<RoundView?> LoadForProgramAsync(Guid programId, string? userId, Guid id, CancellationToken cancellationToken = default) =>
        await ProgramOwnerAsync(programId, userId, cancellationToken) is { } owner
            ? await LoadAsync(owner, r => r.Id == id && r.ProgramId == programId, id, cancellationToken)
            : null;

    /// <summary>The viewer's standing in a program: null when they are neither on its team nor in its cohort.</summary>
    public async Task<RoundOwner?> ProgramOwnerAsync(Guid programId, string? userId, CancellationToken cancellationToken = default)
    {
        if (userId is null)
        {
            return null;
        }
        var program = await db.PracticePrograms.AsNoTracking().Where(p => p.Id == programId)
            .Select(p => new
            {
                p.Name,
                Team = p.FacilitatorUserId == userId || p.Team.Any(f => f.UserId == userId && f.AcceptedAt != null),
                Cohort = p.Participants.Any(x => x.UserId == userId && !x.Left),
            }).SingleOrDefaultAsync(cancellationToken);
        return program is null || !(program.Team || program.Cohort) ? null
            : new RoundOwner(userId, program.Team, program.Cohort, program.Name, $"/programs/{programId}/formation", null);
    }

    private async Task<RoundView?> LoadAsync(RoundOwner owner, System.Linq.Expressions.Expression<Func<FormationRound, bool>> which, Guid id, CancellationToken cancellationToken)
    {
        var round = await db.FormationRounds.AsNoTracking().SingleOrDefaultAsync(which, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var me = owner.UserId is null ? null : await db.FormationParticipants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RoundId == id && p.UserId == owner.UserId, cancellationToken);
        return new RoundView(owner, round, me);
    }
}
