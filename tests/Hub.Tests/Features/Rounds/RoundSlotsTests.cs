using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Features.Rounds;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Tests.Features.Rounds;

/// <summary>A round compares members' hours in UTC and shows them back in each member's zone: the two directions must agree, half-hour zones included.</summary>
public sealed class RoundSlotsTests
{
    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/St_Johns")]
    [InlineData("Europe/Berlin")]
    [InlineData("Pacific/Auckland")]
    public void ToUtcThenToLocal_LandsOnTheHoursTicked_AsFindingATimeCounts(string zoneId)
    {
        var zone = TimeZones.Find(zoneId)!;
        var deadline = new DateTime(2026, 12, 2, 20, 0, 0, DateTimeKind.Utc);
        var grid = AvailabilityOverlap.FromHours([19, 20, 24 + 7, 4 * 24 + 18]); // Monday 19–21, Tuesday 07, Friday 18

        var slots = RoundSlots.ToUtc(grid, zone, deadline);

        Assert.Equal(4, slots.Count);
        Assert.All(slots, slot => Assert.Equal('1', grid[RoundSlots.ToLocal(slot, zone, deadline)]));
        // The same hours the crew page and finding a time count for this member alone.
        var common = SharedAvailability.CommonHours([(grid, zone)], zone, deadline);
        Assert.Equal([19, 20, 31, 114], common);
    }

    [Fact]
    public void ToUtc_EveningInAucklandInJuly_IsMorningUtc()
    {
        // NZST is UTC+12 in July: Wednesday 19:00 there is Wednesday 07:00 UTC.
        var slots = RoundSlots.ToUtc(AvailabilityOverlap.FromHours([2 * 24 + 19]), TimeZones.Find("Pacific/Auckland")!, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal([2 * 24 + 7], slots);
    }

    /// <summary>
    /// In the week the clocks change, every UTC hour is looked up in the member's zone: an hour the clocks skip
    /// is no hour that week (Sydney, 3 October 2027: 02:00 becomes 03:00), an hour that happens twice is free
    /// twice (4 April 2027: 03:00 goes back to 02:00).
    /// </summary>
    [Theory]
    [InlineData(2027, 9, 30, new[] { 5 * 24 + 16 })] // Sunday 03:00 AEDT is Saturday 16:00 UTC; Sunday 02:00 does not happen
    [InlineData(2027, 4, 1, new[] { 5 * 24 + 15, 5 * 24 + 16, 5 * 24 + 17 })] // 02:00 AEDT, 02:00 AEST, 03:00 AEST
    public void ToUtc_SundayNightTheClocksChangeInSydney_SkippedHourIsNone_RepeatedHourCountsTwice(int year, int month, int day, int[] expected)
    {
        var sunday2And3 = AvailabilityOverlap.FromHours([6 * 24 + 2, 6 * 24 + 3]);
        var slots = RoundSlots.ToUtc(sunday2And3, TimeZones.Find("Australia/Sydney")!, new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(expected, slots.Order());
    }
}
