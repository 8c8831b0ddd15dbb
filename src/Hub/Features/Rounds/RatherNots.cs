using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Formation;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// A round's "rather not" statements as unordered pairs of participants, for the checks on a host's proposal. It
/// answers one question only, whether a group of people holds such a pair, never which pair or who said it: a
/// crew marked this way reads the same whichever of two people gave the "rather not".
/// </summary>
public sealed class RatherNots
{
    private readonly HashSet<(Guid, Guid)> pairs;

    private RatherNots(IEnumerable<(Guid From, Guid About)> statements) =>
        pairs = [.. statements.Select(s => s.From.CompareTo(s.About) < 0 ? (s.From, s.About) : (s.About, s.From))];

    public static async Task<RatherNots> LoadAsync(HubDbContext db, Guid roundId, CancellationToken cancellationToken = default)
    {
        var statements = await db.FormationPreferences.AsNoTracking()
            .Where(p => p.RoundId == roundId && p.Choice == PreferenceChoice.RatherNot)
            .Select(p => new { p.FromParticipantId, p.AboutParticipantId }).ToListAsync(cancellationToken);
        return new(statements.Select(s => (s.FromParticipantId, s.AboutParticipantId)));
    }

    /// <summary>Whether any two of these people are a "rather not" pair.</summary>
    public bool AnyWithin(IReadOnlyCollection<Guid> members) =>
        members.Any(a => members.Any(b => a.CompareTo(b) < 0 && pairs.Contains((a, b))));

    /// <summary>
    /// The proposed crews that hold a "rather not" pair (the search never proposes one, only a host's move makes
    /// one), among crews of at least <paramref name="minSize"/>. A smaller crew is never marked: a mark on two
    /// people names the pair. Such a crew cannot be published either, so no mark is ever needed on it.
    /// </summary>
    public IReadOnlySet<Guid> MarkedCrews(IEnumerable<(Guid Participant, Guid? Crew)> placement, int minSize) =>
        placement.Where(p => p.Crew is not null).GroupBy(p => p.Crew!.Value)
            .Where(g => g.Count() >= minSize && AnyWithin([.. g.Select(p => p.Participant)])).Select(g => g.Key).ToHashSet();
}
