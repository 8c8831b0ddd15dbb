using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Congregations;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>A round as one viewer may see it: the congregation view decides whether they are a member or a host.</summary>
public sealed record RoundView(CongregationView Congregation, FormationRound Round, FormationParticipant? Me)
{
    public bool IsHost => Congregation.IsHost;
    public bool IsParticipant => Me is not null;

    /// <summary>Preferences may change while the round is open and its deadline has not passed.</summary>
    public bool AcceptsPreferences(DateTime nowUtc) => Round.Stage == FormationStage.Open && nowUtc < Round.PreferencesDueAt;
}

/// <summary>
/// Loads a round for the members of its congregation only (hosts are members; the network's administrators
/// count as hosts, as everywhere in congregations). Anyone else gets nothing, as if the round did not exist.
/// </summary>
public sealed class RoundAccess(HubDbContext db)
{
    public async Task<RoundView?> LoadAsync(CongregationView congregation, Guid id, CancellationToken cancellationToken = default)
    {
        if (!congregation.IsMember && !congregation.IsHost)
        {
            return null;
        }
        var round = await db.FormationRounds.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id && r.CongregationId == congregation.Congregation.Id, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var me = congregation.UserId is null ? null : await db.FormationParticipants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RoundId == id && p.UserId == congregation.UserId, cancellationToken);
        return new RoundView(congregation, round, me);
    }
}
