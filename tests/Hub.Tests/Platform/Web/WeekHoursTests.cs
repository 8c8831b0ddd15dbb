using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>The week of hours every grid and heat map draws: its cells' names, its shades and its legend.</summary>
public sealed class WeekHoursTests
{
    /// <summary>The hub's own words, as the pages read them.</summary>
    private static readonly IStringLocalizer Words =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Strings));

    [Fact]
    public void CellLabel_FirstAndLastHour_NameTheDayAndHour()
    {
        Assert.Equal("Monday 00:00", WeekHours.CellLabel(0));
        Assert.Equal("Tuesday 19:00", WeekHours.CellLabel(24 + 19));
        Assert.Equal("Sunday 23:00", WeekHours.CellLabel(167));
    }

    [Fact]
    public void FromIndexes_OutOfRangeHours_AreLeftOut()
    {
        var hours = WeekGrid.FromIndexes([0, 43, 167, 168, -1]);
        Assert.Equal(168, hours.Length);
        Assert.Equal([0, 43, 167], Enumerable.Range(0, 168).Where(i => hours[i] == '1'));
    }

    [Fact]
    public void Shade_ThreePeople_EachCountItsOwnShadeAndEveryoneTheDarkest()
    {
        var heat = new WeekHeat(new int[168], 3, "h", "");
        Assert.Equal([0, 1, 2, 4], new[] { 0, 1, 2, 3 }.Select(heat.Shade));
        Assert.Equal(["0 free", "1 free", "2 free", "all 3 free"], heat.Legend(Words).Select(l => l.Label));
    }

    [Fact]
    public void Legend_NinePeople_NeighbouringCountsShareAShadeAndEveryCountIsInOne()
    {
        var heat = new WeekHeat(new int[168], 9, "h", "");
        Assert.Equal(["0 free", "1–3 free", "4–6 free", "7–8 free", "all 9 free"], heat.Legend(Words).Select(l => l.Label));
        Assert.Equal(3, heat.Shade(8)); // only everyone gets the darkest shade
    }

    [Fact]
    public void Everyone_OnlyTheSharedHours_AreCountedAndTheLegendSaysSo()
    {
        var heat = WeekHeat.Everyone([43, 44], 4, "h", "");
        Assert.Equal(4, heat.Counts[43]);
        Assert.Equal(-1, heat.Counts[42]);
        Assert.Equal(0, heat.Shade(heat.Counts[42]));
        Assert.Equal(["not all free", "all 4 free"], heat.Legend(Words).Select(l => l.Label));
    }
}
