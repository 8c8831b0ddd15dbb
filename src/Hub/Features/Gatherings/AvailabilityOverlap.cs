using NodaTime;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>
/// Where members' weekly availability overlaps. Each grid is 168 local hours (Monday 00:00 first) in
/// its owner's zone. Every hour of a real week in the zone we show is turned into an instant and
/// looked up in each member's own zone, so daylight saving and half-hour offsets fall where they
/// really fall that week instead of being approximated by one fixed offset.
/// </summary>
public static class AvailabilityOverlap
{
    public sealed record Grid(string UserId, string Hours, DateTimeZone Zone);

    /// <summary>A run of hours on one day with the same number of members free: a slot to propose.</summary>
    public sealed record Proposal(int StartIndex, int Hours, int Free)
    {
        public IsoDayOfWeek Day => (IsoDayOfWeek)(StartIndex / 24 + 1);
        public int StartHour => StartIndex % 24;
        public string Label => $"{Day} {StartHour:00}:00–{(StartHour + Hours) % 24:00}:00";
    }

    /// <summary>The Monday on or after <paramref name="today"/>: the week a new series would start in.</summary>
    public static LocalDate NextMonday(LocalDate today) =>
        today.DayOfWeek == IsoDayOfWeek.Monday ? today : today.Next(IsoDayOfWeek.Monday);

    /// <summary>How many grids are free in each hour of the week that starts on <paramref name="monday"/>, as local hours in <paramref name="zone"/>.</summary>
    public static int[] Counts(IReadOnlyCollection<Grid> grids, DateTimeZone zone, LocalDate monday)
    {
        var counts = new int[168];
        for (var i = 0; i < 168; i++)
        {
            var local = monday.PlusDays(i / 24).At(new LocalTime(i % 24, 0));
            // An hour the clocks skip is shown as the hour after the gap, as a calendar app would.
            var instant = Platform.Web.TimeZones.At(local, zone).ToInstant();
            foreach (var grid in grids)
            {
                if (grid.Hours.Length == 168 && grid.Hours[IndexIn(instant, grid.Zone)] == '1')
                {
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    /// <summary>The grid index (0–167) of an instant, in a zone.</summary>
    public static int IndexIn(Instant instant, DateTimeZone zone) => Platform.Web.TimeZones.WeekHour(instant, zone);

    /// <summary>
    /// The best slots: most members free first, then the longest run of such hours, then the
    /// earliest in the week. Hours nobody can make are never proposed.
    /// </summary>
    public static IReadOnlyList<Proposal> Best(int[] counts, int max = 5)
    {
        var runs = new List<Proposal>();
        for (var i = 0; i < counts.Length;)
        {
            var length = 1;
            while (i + length < counts.Length && (i + length) % 24 != 0 && counts[i + length] == counts[i])
            {
                length++;
            }
            if (counts[i] > 0)
            {
                runs.Add(new Proposal(i, length, counts[i]));
            }
            i += length;
        }
        return [.. runs.OrderByDescending(r => r.Free).ThenByDescending(r => r.Hours).ThenBy(r => r.StartIndex).Take(max)];
    }

    /// <summary>A grid from the hours a form posted; anything out of range is ignored.</summary>
    public static string FromHours(IEnumerable<int> free) => Platform.Web.WeekGrid.FromIndexes(free);
}
