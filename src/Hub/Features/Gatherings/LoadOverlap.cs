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
    bool MyGridFromProfile);

/// <summary>
/// Gathers each member's hours: what they marked for this group, else their profile's grid (in the
/// profile's zone), else nothing yet. Never writes.
/// </summary>
public sealed class LoadOverlap(HubDbContext db, TimeProvider time)
{
    public async Task<Overlap> RunAsync(TimeFindingView view, CancellationToken cancellationToken = default)
    {
        var ids = view.Members.Select(m => m.UserId).ToList();
        var marks = await db.AvailabilityMarks.AsNoTracking()
            .Where(m => m.GroupKind == view.Kind && m.GroupId == view.GroupId && ids.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, cancellationToken);
        var profiles = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Availability, p.TimeZone }).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var grids = new List<AvailabilityOverlap.Grid>();
        var without = new List<string>();
        foreach (var member in view.Members)
        {
            if (marks.TryGetValue(member.UserId, out var mark))
            {
                grids.Add(new(member.UserId, mark.Grid, EventTime.FindZone(mark.TimeZone) ?? view.Zone));
            }
            else if (profiles.TryGetValue(member.UserId, out var p) && p.Availability.Length == 168 && p.Availability.Contains('1'))
            {
                grids.Add(new(member.UserId, p.Availability, EventTime.FindZone(p.TimeZone) ?? view.Zone));
            }
            else
            {
                without.Add(member.Name);
            }
        }
        var viewerZone = view.Viewer.ProfileZone ?? view.Zone;
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(view.Zone).Date;
        var monday = AvailabilityOverlap.NextMonday(today);
        var viewerMonday = AvailabilityOverlap.NextMonday(Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(viewerZone).Date);
        var proposals = grids.Count == 0 ? [] : AvailabilityOverlap.Best(AvailabilityOverlap.Counts(grids, view.Zone, monday));
        var mine = marks.GetValueOrDefault(view.UserId);
        var myProfile = profiles.GetValueOrDefault(view.UserId);
        var myGrid = mine?.Grid ?? (myProfile?.Availability is { Length: 168 } g ? g : new string('0', 168));
        var myZone = mine?.TimeZone ?? (EventTime.FindZone(myProfile?.TimeZone) is { } z ? z.Id : viewerZone.Id);
        return new Overlap(viewerMonday, viewerZone, AvailabilityOverlap.Counts(grids, viewerZone, viewerMonday), proposals,
            grids.Count, without, myGrid, myZone, mine is null);
    }
}
