using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

public sealed class DemoGatheringsTests
{
    [Fact]
    public async Task FirstStart_WithDemo_PublicCalendarHasThePulseAndTheGatheringButNotTheMembersOnlyCall()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        var anonymous = hub.NewClient();
        var ics = await anonymous.Http.GetStringAsync("/calendar.ics");
        var parsed = await ExpandWithIcalJsAsync(ics, DateTime.UtcNow.AddDays(90));
        Assert.Equal(["Full-moon call: outward work", "Practice calls, Tuesdays and Thursdays", "Riverside autumn gathering"], parsed.Select(p => p.Summary).Order());
        Assert.DoesNotContain("call.demo.hub.example", ics);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        var riverside = await anonymous.Http.GetStringAsync("/congregations/riverside/calendar.ics");
        Assert.Contains("Riverside autumn gathering", riverside);

        var (_, list) = await anonymous.GetAsync("/gatherings");
        Assert.Contains("Riverside autumn gathering", list.QuerySelector(".event-list")!.TextContent);
        Assert.DoesNotContain("Network call", list.QuerySelector(".event-list")!.TextContent); // the kind filter names every kind
        var gathering = list.QuerySelectorAll(".event-list a").Single(a => a.TextContent == "Riverside autumn gathering").GetAttribute("href")!;
        var (_, page) = await anonymous.GetAsync(gathering);
        Assert.Contains("Supporter: 140 EUR", page.QuerySelector("#tiers")!.TextContent);
        Assert.Equal("Riverside autumn gathering", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        var (_, month) = await anonymous.GetAsync("/gatherings?view=month");
        Assert.NotNull(month.QuerySelector("ol.month"));
    }
}
