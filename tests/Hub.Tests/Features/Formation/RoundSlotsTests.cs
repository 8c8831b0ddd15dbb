using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Formation;
using Microsolidarity.Hub.Features.Gatherings;

namespace Microsolidarity.Hub.Tests.Features.Formation;

/// <summary>A round compares members' hours in UTC and shows them back in each member's zone: the two directions must agree, half-hour zones included.</summary>
public sealed class RoundSlotsTests
{
    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/St_Johns")]
    [InlineData("Europe/Berlin")]
    public void ToUtcThenToLocal_LandsOnTheHoursTicked_AsFindingATimeCounts(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var deadline = new DateTime(2026, 12, 2, 20, 0, 0, DateTimeKind.Utc);
        var grid = AvailabilityOverlap.FromHours([19, 20, 24 + 7, 4 * 24 + 18]); // Monday 19–21, Tuesday 07, Friday 18

        var slots = RoundSlots.ToUtc(grid, zone, deadline);

        Assert.Equal(4, slots.Count);
        Assert.All(slots, slot => Assert.Equal('1', grid[RoundSlots.ToLocal(slot, zone, deadline)]));
        // The same hours the crew page and finding a time count for this member alone.
        var tzdb = NodaTime.DateTimeZoneProviders.Tzdb[zoneId];
        var common = SharedAvailability.CommonHours([(grid, tzdb)], tzdb, deadline);
        Assert.Equal([19, 20, 31, 114], common);
    }
}
