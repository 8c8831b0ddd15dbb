using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// A date's "rather not" statements as unordered pairs, for the search and for the checks on a host's crews. As in
/// formation rounds, it answers only whether a group of people holds such a pair, never which pair or who said it,
/// and only for crews of at least <see cref="MinMarked"/>: a mark on a crew of two would name the pair.
/// </summary>
public sealed class DateRatherNots
{
    public const int MinMarked = 3;

    private readonly HashSet<(string, string)> pairs;

    private DateRatherNots(IEnumerable<(string From, string About)> statements) =>
        pairs = [.. statements.Select(s => string.CompareOrdinal(s.From, s.About) < 0 ? (s.From, s.About) : (s.About, s.From))];

    public static async Task<DateRatherNots> LoadAsync(HubDbContext db, Guid eventId, DateTime occurrenceStart, CancellationToken cancellationToken)
    {
        var statements = await db.GatheringRatherNots.AsNoTracking().Where(r => r.EventId == eventId && r.OccurrenceStart == occurrenceStart)
            .Select(r => new { r.FromUserId, r.AboutUserId }).ToListAsync(cancellationToken);
        return new(statements.Select(s => (s.FromUserId, s.AboutUserId)));
    }

    /// <summary>The pairs, for the search only.</summary>
    public IReadOnlyCollection<(string A, string B)> Pairs => pairs;

    public bool AnyWithin(IReadOnlyCollection<string> members) =>
        members.Count >= MinMarked && members.Any(a => members.Any(b => string.CompareOrdinal(a, b) < 0 && pairs.Contains((a, b))));

    /// <summary>The crews (by id) that hold a "rather not" pair, among crews of at least <see cref="MinMarked"/>.</summary>
    public IReadOnlySet<Guid> Marked(IEnumerable<(Guid Crew, string UserId)> placement) =>
        placement.GroupBy(p => p.Crew).Where(g => AnyWithin([.. g.Select(p => p.UserId)])).Select(g => g.Key).ToHashSet();
}
