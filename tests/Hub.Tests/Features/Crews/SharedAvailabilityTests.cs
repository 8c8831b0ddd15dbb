using Microsolidarity.Hub.Features.Crews;

namespace Microsolidarity.Hub.Tests.Features.Crews;

public sealed class SharedAvailabilityTests
{
    private static string Grid(params int[] freeHours)
    {
        var grid = new char[168];
        Array.Fill(grid, '0');
        foreach (var h in freeHours)
        {
            grid[h] = '1';
        }
        return new string(grid);
    }

    private static readonly DateTime Winter = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CommonHours_AcrossZones_ComparesTheSameMomentsAndShowsThemInTheCrewsZone()
    {
        var lisbon = CrewSchedule.FindZone("Europe/Lisbon")!;
        var berlin = CrewSchedule.FindZone("Europe/Berlin")!;
        const int tuesday = 24;
        // Lisbon free Tuesday 19:00–22:00 local; Berlin free Tuesday 20:00–22:00 local (19:00–21:00 in Lisbon).
        var hours = SharedAvailability.CommonHours(
        [
            (Grid(tuesday + 19, tuesday + 20, tuesday + 21), lisbon),
            (Grid(tuesday + 20, tuesday + 21), berlin),
        ], lisbon, Winter);
        Assert.Equal([tuesday + 19, tuesday + 20], hours);
        var slot = Assert.Single(SharedAvailability.Slots(hours));
        Assert.Equal(DayOfWeek.Tuesday, slot.Day);
        Assert.Equal("Tuesday 19:00–21:00", slot.Label);
    }

    [Fact]
    public void CommonHours_NoOverlap_IsEmpty()
    {
        var toronto = CrewSchedule.FindZone("America/Toronto")!;
        var hours = SharedAvailability.CommonHours([(Grid(10), toronto), (Grid(11), toronto)], toronto, Winter);
        Assert.Empty(hours);
    }

    [Fact]
    public void CommonHours_SundayNightInOneZoneIsMondayInAnother_WrapsAroundTheWeek()
    {
        var auckland = CrewSchedule.FindZone("Pacific/Auckland")!;
        var utc = CrewSchedule.FindZone("Etc/UTC")!;
        // Monday 09:00 in Auckland (UTC+13 in November) is Sunday 20:00 UTC.
        var hours = SharedAvailability.CommonHours([(Grid(9), auckland), (Grid(6 * 24 + 20), utc)], utc, Winter);
        Assert.Equal([6 * 24 + 20], hours);
        Assert.Equal(DayOfWeek.Sunday, SharedAvailability.Slots(hours)[0].Day);
    }
}
