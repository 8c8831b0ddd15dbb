using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings.Crews;

/// <summary>
/// A host moves one person to another table, or to a new one, before the crews are published; someone who said
/// they are going after the crews were formed is seated the same way. As in formation rounds, a move is never
/// refused because of a "rather not" (a refusal would say which pair it is): the crew it makes is marked instead and
/// cannot be published, and moves are limited per date (<see cref="MovesAgainstPreferencesPerHour"/> that touch a
/// marked crew, <see cref="MovesPerHour"/> in all) so that pairs cannot be found one move at a time.
/// </summary>
public sealed class MoveToTemporaryCrew(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public const string NewCrew = "new";
    public const int MovesAgainstPreferencesPerHour = 3;
    public const int MovesPerHour = 30;

    public async Task<Outcome> RunAsync(CrewDate view, string userId, string target, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsMove"]);
        }
        if (view.Set is not { } shown)
        {
            return Outcome.Refused(strings["Gatherings.Refused.FormFirstMove"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Moves on one date are taken one at a time (this update holds the set's row); a move racing the
        // publication finds the stage changed.
        var held = await db.GatheringCrewSets.Where(s => s.Id == shown.Id && s.Stage == GatheringCrewStage.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, GatheringCrewStage.Proposed), cancellationToken);
        if (held == 0)
        {
            return Outcome.Refused(strings["Gatherings.Refused.PublishedStay"]);
        }
        var set = await db.GatheringCrewSets.Include(s => s.Crews).ThenInclude(c => c.Members).SingleAsync(s => s.Id == shown.Id, cancellationToken);
        var seat = set.Crews.SelectMany(c => c.Members).SingleOrDefault(m => m.UserId == userId);
        if (seat is null && !view.Going.Contains(userId))
        {
            return Outcome.Refused(strings["Gatherings.Refused.NotGoingToDate"]);
        }
        TemporaryCrew? destination;
        if (target == NewCrew)
        {
            destination = new TemporaryCrew { Id = Guid.NewGuid(), SetId = set.Id, Number = set.Crews.Select(c => c.Number).DefaultIfEmpty().Max() + 1 };
        }
        else
        {
            destination = Guid.TryParse(target, out var id) ? set.Crews.SingleOrDefault(c => c.Id == id) : null;
            if (destination is null)
            {
                return Outcome.Refused(strings["Gatherings.Refused.ChooseDateCrew"]);
            }
            if (seat?.TemporaryCrewId == destination.Id)
            {
                return Outcome.Refused(strings["Gatherings.Refused.AtTableAlready", destination.Number]);
            }
        }
        // The limits are checked before anything about this move is looked up, and a paused host is refused every
        // move: refusing only those that would mark a crew would say which they are.
        if (now - set.MovesSince >= TimeSpan.FromHours(1))
        {
            (set.MovesSince, set.Moves, set.MovesAgainstPreferences) = (now, 0, 0);
        }
        var wait = Math.Max(1, (int)Math.Ceiling((set.MovesSince.AddHours(1) - now).TotalMinutes));
        if (set.MovesAgainstPreferences >= MovesAgainstPreferencesPerHour)
        {
            return Outcome.Refused(strings["Gatherings.Refused.MovesPausedMarked", MovesAgainstPreferencesPerHour, wait]);
        }
        if (set.Moves >= MovesPerHour)
        {
            return Outcome.Refused(strings["Gatherings.Refused.MovesPaused", MovesPerHour, wait]);
        }
        var ratherNots = await DateRatherNots.LoadAsync(db, set.EventId, set.OccurrenceStart, cancellationToken);
        var marked = ratherNots.Marked(set.Crews.SelectMany(c => c.Members.Select(m => (c.Id, m.UserId))));
        var leavesMarked = seat is not null && marked.Contains(seat.TemporaryCrewId);
        var joinsMarked = ratherNots.AnyWithin([.. destination.Members.Select(m => m.UserId).Append(userId)]);
        set.Moves++;
        if (leavesMarked || joinsMarked)
        {
            set.MovesAgainstPreferences++;
        }
        if (target == NewCrew)
        {
            set.Crews.Add(destination);
            db.ChangeTracker.DetectChanges();
        }
        if (seat is null)
        {
            destination.Members.Add(new TemporaryCrewMember { Id = Guid.NewGuid(), SetId = set.Id, TemporaryCrewId = destination.Id, UserId = userId });
        }
        else
        {
            // The key changes, not the collections: taking a member out of a collection would delete it as an orphan.
            var from = set.Crews.Single(c => c.Id == seat.TemporaryCrewId);
            seat.TemporaryCrewId = destination.Id;
            db.ChangeTracker.DetectChanges();
            if (!from.Members.Any(m => m.TemporaryCrewId == from.Id))
            {
                db.TemporaryCrews.Remove(from);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
