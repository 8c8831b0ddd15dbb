using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// Someone going to a date says privately whom, among the others going, they would rather not sit with at a table.
/// The whole list is replaced at once (an empty list takes every one back). Possible until the hosts form the
/// crews; nobody ever sees it, the hosts included: only the search reads it.
/// </summary>
public sealed class SayRatherNot(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <summary>Enough for anyone's real needs; more would leave the search nothing to work with.</summary>
    public const int Most = 10;

    public async Task<Outcome> RunAsync(CrewDate view, IReadOnlyCollection<string> about, CancellationToken cancellationToken = default)
    {
        if (view.Viewer.UserId is not { } me || !view.IsGoing)
        {
            return Outcome.Refused(strings["Gatherings.Refused.RatherNotGoing"]);
        }
        if (!view.TakesRatherNots)
        {
            return Outcome.Refused(strings["Gatherings.Refused.RatherNotFormed"]);
        }
        var chosen = about.Where(id => id != me && view.Going.Contains(id)).Distinct().ToList();
        if (chosen.Count > Most)
        {
            return Outcome.Refused(strings["Gatherings.Refused.RatherNotMost", Most], "About");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var start = view.Date.OriginalStart;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Checked again inside the transaction: a host forming the crews at this moment either sees these or refuses them.
        if (await db.GatheringCrewSets.AnyAsync(s => s.EventId == view.Event.Id && s.OccurrenceStart == start, cancellationToken))
        {
            return Outcome.Refused(strings["Gatherings.Refused.RatherNotFormed"]);
        }
        await db.GatheringRatherNots.Where(r => r.EventId == view.Event.Id && r.OccurrenceStart == start && r.FromUserId == me)
            .ExecuteDeleteAsync(cancellationToken);
        db.GatheringRatherNots.AddRange(chosen.Select(id => new GatheringRatherNot
        {
            Id = Guid.NewGuid(),
            EventId = view.Event.Id,
            OccurrenceStart = start,
            FromUserId = me,
            AboutUserId = id,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
