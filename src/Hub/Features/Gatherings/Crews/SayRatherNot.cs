using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// Someone going to a date says privately whom, among the others going, they would rather not sit with at a table.
/// The whole list is replaced at once (an empty list takes every one back). Possible until the hosts form the
/// crews; nobody ever sees it, the hosts included: only the search reads it.
/// </summary>
public sealed class SayRatherNot(HubDbContext db, TimeProvider time)
{
    /// <summary>Enough for anyone's real needs; more would leave the search nothing to work with.</summary>
    public const int Most = 10;

    public async Task<Outcome> RunAsync(CrewDate view, IReadOnlyCollection<string> about, CancellationToken cancellationToken = default)
    {
        if (view.Viewer.UserId is not { } me || !view.IsGoing)
        {
            return Outcome.Refused("Only people going to this date can say this. Say you are going on the event's page first.");
        }
        if (!view.TakesRatherNots)
        {
            return Outcome.Refused("The hosts have formed the crews for this date, so this can no longer change.");
        }
        var chosen = about.Where(id => id != me && view.Going.Contains(id)).Distinct().ToList();
        if (chosen.Count > Most)
        {
            return Outcome.Refused($"Choose at most {Most} people, so that the tables can still be mixed.", "About");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var start = view.Date.OriginalStart;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Checked again inside the transaction: a host forming the crews at this moment either sees these or refuses them.
        if (await db.GatheringCrewSets.AnyAsync(s => s.EventId == view.Event.Id && s.OccurrenceStart == start, cancellationToken))
        {
            return Outcome.Refused("The hosts have formed the crews for this date, so this can no longer change.");
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
