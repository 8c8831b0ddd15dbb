using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// What a person gave in formation rounds: their interests, hours and their own preferences about others.
/// Preferences others gave about them are the others' data, never exported to them (they are anonymous).
/// </summary>
[PersonalDataOf(typeof(FormationParticipant), typeof(FormationPreference), typeof(FormationRound), typeof(ProposalMove))]
internal sealed class RoundPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Formation rounds";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.FormationParticipants.CountAsync(p => p.UserId == user.Id, cancellationToken);
        return [$"What you gave in {count} formation round(s): interests, free hours and your private preferences about others; any preference about you goes too."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken)
    {
        var rounds = await db.FormationParticipants.AsNoTracking().Where(p => p.UserId == user.Id)
            .Join(db.FormationRounds, p => p.RoundId, r => r.Id, (p, r) => new { p.Id, r.Title, p.Interests, p.Availability, p.TimeZone, p.JoinedAt, p.UpdatedAt, p.Answer, p.UnplacedReason })
            .ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var mine = await db.FormationPreferences.AsNoTracking().Where(p => ids.Contains(p.FromParticipantId))
            .Join(db.FormationParticipants, p => p.AboutParticipantId, o => o.Id, (p, o) => new { p.FromParticipantId, About = o.User.DisplayName, p.Choice })
            .ToListAsync(cancellationToken);
        var opened = await db.FormationRounds.AsNoTracking().Where(r => r.OpenedByUserId == user.Id)
            .Select(r => new { r.Title, r.CreatedAt, r.PreferencesDueAt }).ToListAsync(cancellationToken);
        var moves = await db.ProposalMoves.AsNoTracking().Where(m => m.HostUserId == user.Id)
            .Join(db.FormationRounds, m => m.RoundId, r => r.Id, (m, r) => new { Round = r.Title, m.At }).ToListAsync(cancellationToken);
        return new
        {
            RoundsYouOpened = opened,
            MovesYouMadeAsHost = moves,
            Rounds = rounds.Select(r => new
            {
                Round = r.Title,
                r.Interests,
                FreeHours = r.Availability,
                r.TimeZone,
                r.JoinedAt,
                r.UpdatedAt,
                ProposalAnswer = r.Answer.ToString(),
                NotPlacedBecause = RunRound.ShownReason(r.UnplacedReason),
                MyPreferences = mine.Where(p => p.FromParticipantId == r.Id)
                    .Select(p => new { p.About, Preference = p.Choice == PreferenceChoice.Want ? "want" : "rather not" }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Their participation goes, and with it (by cascade) every preference they gave or that was given about them.</summary>
    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        await db.FormationParticipants.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
}
