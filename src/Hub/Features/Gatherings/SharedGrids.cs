using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.People;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// The one rule for which weekly grids may enter an overlap that other people see (a crew's "when you can all
/// meet", finding a time for a crew or a working group): the hours a member ticked for this group, else their
/// profile's grid when they let others see it. A profile grid kept for "only me" never enters, not even as a
/// count in a heat map: with a few members, a count is the grid. Such a member is counted as not having shared.
/// </summary>
public static class SharedGrids
{
    /// <summary>One member's grid (168 local hours) in their zone (an IANA id, or empty when they gave none).</summary>
    public sealed record Shared(string UserId, string Grid, string Zone);

    public sealed record Result(IReadOnlyList<Shared> Grids, IReadOnlyList<string> WithoutUserIds);

    public static async Task<Result> LoadAsync(HubDbContext db, TimeFindingGroup kind, Guid groupId, IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken = default)
    {
        var marks = await db.AvailabilityMarks.AsNoTracking()
            .Where(m => m.GroupKind == kind && m.GroupId == groupId && userIds.Contains(m.UserId))
            .Select(m => new { m.UserId, m.Grid, m.TimeZone }).ToDictionaryAsync(m => m.UserId, cancellationToken);
        var profiles = await db.Profiles.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.AvailabilityVisibility != Visibility.OnlyMe)
            .Select(p => new { p.UserId, p.Availability, p.TimeZone }).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var grids = new List<Shared>();
        var without = new List<string>();
        foreach (var userId in userIds)
        {
            if (marks.TryGetValue(userId, out var mark) && mark.Grid.Length == 168)
            {
                grids.Add(new(userId, mark.Grid, mark.TimeZone));
            }
            else if (profiles.TryGetValue(userId, out var p) && p.Availability.Length == 168 && p.Availability.Contains('1'))
            {
                grids.Add(new(userId, p.Availability, p.TimeZone));
            }
            else
            {
                without.Add(userId);
            }
        }
        return new(grids, without);
    }
}
