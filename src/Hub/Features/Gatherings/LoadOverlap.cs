using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>What the finding-a-time page shows: the heat map in the viewer's zone, the best slots in the group's zone, and the viewer's own grid.</summary>
public sealed record Overlap(
    LocalDate Monday,
    DateTimeZone ViewerZone,
    int[] Counts,
    IReadOnlyList<AvailabilityOverlap.Proposal> Proposals,
    int WithHours,
    IReadOnlyList<string> WithoutHours,
    string MyGrid,
    string MyZone,
    bool MyGridFromProfile,
    bool MyGridCounted);

/// <summary>
/// Gathers each member's hours: what they marked for this group, else their profile's grid (in the
/// profile's zone) when they share it with their groups, else nothing yet (<see cref="SharedGrids"/>). Never writes.
/// </summary>
public sealed class LoadOverlap(HubDbContext db, TimeProvider time)
{
    public async Task<Overlap> RunAsync(TimeFindingView view, CancellationToken cancellationToken = default)
    {
        var ids = view.Members.Select(m => m.UserId).ToList();
        var shared = await SharedGrids.LoadAsync(db, view.Kind, view.GroupId, ids, cancellationToken);
        var grids = shared.Grids.Select(g => new AvailabilityOverlap.Grid(g.UserId, g.Grid, EventTime.FindZone(g.Zone) ?? view.Zone)).ToList();
        var without = view.Members.Where(m => shared.WithoutUserIds.Contains(m.UserId)).Select(m => m.Name).ToList();
        // The viewer's own form starts from what they ticked here, else from their profile whatever its visibility:
        // it is theirs to see. Whether it counts for the others is the rule above.
        var mine = await db.AvailabilityMarks.AsNoTracking()
            .SingleOrDefaultAsync(m => m.GroupKind == view.Kind && m.GroupId == view.GroupId && m.UserId == view.UserId, cancellationToken);
        var myProfile = await db.Profiles.AsNoTracking().Where(p => p.UserId == view.UserId)
            .Select(p => new { p.Availability, p.TimeZone }).SingleOrDefaultAsync(cancellationToken);
        var viewerZone = view.Viewer.ProfileZone ?? view.Zone;
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(view.Zone).Date;
        var monday = AvailabilityOverlap.NextMonday(today);
        var viewerMonday = AvailabilityOverlap.NextMonday(Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(viewerZone).Date);
        var proposals = grids.Count == 0 ? [] : AvailabilityOverlap.Best(AvailabilityOverlap.Counts(grids, view.Zone, monday));
        var myGrid = mine?.Grid ?? (myProfile?.Availability is { Length: 168 } g ? g : new string('0', 168));
        var myZone = mine?.TimeZone ?? (EventTime.FindZone(myProfile?.TimeZone) is { } z ? z.Id : viewerZone.Id);
        return new Overlap(viewerMonday, viewerZone, AvailabilityOverlap.Counts(grids, viewerZone, viewerMonday), proposals,
            grids.Count, without, myGrid, myZone, mine is null, shared.Grids.Any(g => g.UserId == view.UserId));
    }
}
