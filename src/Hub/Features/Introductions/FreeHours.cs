using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>
/// The hours each person marked free on their profile, as real instants of one coming week. Each hour of the
/// week is looked up in the person's own zone, so daylight saving and half-hour offsets fall where they do.
/// A grid kept "only me" is not used: others would learn it from the times suggested to them.
/// </summary>
public sealed class FreeHours
{
    public const int WeekHours = 168;

    private readonly Dictionary<string, bool[]> free;

    private FreeHours(DateTime weekStart, Dictionary<string, bool[]> free) => (WeekStart, this.free) = (weekStart, free);

    /// <summary>The first hour of the week compared (UTC, on the hour).</summary>
    public DateTime WeekStart { get; }

    /// <summary>The week starting on the first whole hour a day after <paramref name="madeAt"/>, so there is time to write.</summary>
    public static async Task<FreeHours> LoadAsync(HubDbContext db, IReadOnlyCollection<string> userIds, DateTime madeAt, CancellationToken cancellationToken)
    {
        var start = new DateTime(madeAt.Year, madeAt.Month, madeAt.Day, madeAt.Hour, 0, 0, DateTimeKind.Utc).AddHours(25);
        var grids = await db.Profiles.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.AvailabilityVisibility != Visibility.OnlyMe)
            .Select(p => new { p.UserId, p.Availability, p.TimeZone }).ToListAsync(cancellationToken);
        var free = new Dictionary<string, bool[]>();
        foreach (var grid in grids.Where(g => g.Availability.Length == WeekHours && g.Availability.Contains('1')))
        {
            free[grid.UserId] = Of(grid.Availability, TimeZones.FindOrUtc(grid.TimeZone), start);
        }
        return new FreeHours(start, free);
    }

    /// <summary>For each hour of the week from <paramref name="start"/>, whether the local hour it falls on is ticked.</summary>
    public static bool[] Of(string grid, DateTimeZone zone, DateTime start)
    {
        var hours = new bool[WeekHours];
        var first = Instant.FromDateTimeUtc(start);
        for (var h = 0; h < WeekHours; h++)
        {
            hours[h] = grid[TimeZones.WeekHour(first.Plus(Duration.FromHours(h)), zone)] == '1';
        }
        return hours;
    }

    /// <summary>Hours of the week all of them are free (0 when anyone's hours are unknown).</summary>
    public int Shared(params string[] userIds) => Common(userIds).Count;

    /// <summary>
    /// Up to two suggested times: the start of the first run of hours everyone is free, then the start of the
    /// first run at least a day later (or any other run), so the two give a real choice.
    /// </summary>
    public (DateTime? First, DateTime? Second) Suggest(IReadOnlyCollection<string> userIds)
    {
        var common = Common(userIds).ToHashSet();
        var starts = common.Where(h => !common.Contains(h - 1)).Order().ToList();
        if (starts.Count == 0)
        {
            return (null, null);
        }
        var first = starts[0];
        int? second = starts.Skip(1).Where(h => h - first >= 24).Cast<int?>().FirstOrDefault() ?? starts.Skip(1).Cast<int?>().FirstOrDefault();
        return (WeekStart.AddHours(first), second is { } s ? WeekStart.AddHours(s) : null);
    }

    private List<int> Common(IReadOnlyCollection<string> userIds)
    {
        var grids = new List<bool[]>();
        foreach (var id in userIds)
        {
            if (!free.TryGetValue(id, out var hours))
            {
                return [];
            }
            grids.Add(hours);
        }
        return [.. Enumerable.Range(0, WeekHours).Where(h => grids.All(g => g[h]))];
    }
}
