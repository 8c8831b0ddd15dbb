using System.Net;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

public sealed class NetworkMapTests
{
    [Fact]
    public async Task Map_DemoNetwork_DrawsEachCongregationAndItsActiveCrewsWithoutNames()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        var (response, page) = await hub.NewClient().GetAsync("/congregations/map");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = page.QuerySelector("svg.network-map")!;
        Assert.Equal(2, svg.QuerySelectorAll("circle.congregation").Length);
        Assert.Single(svg.QuerySelectorAll("circle.crew")); // the closed crew is not drawn
        Assert.Equal(["6", "4"], svg.QuerySelectorAll("text.count").Select(t => t.TextContent));
        Assert.DoesNotContain("Ilse", page.DocumentElement.OuterHtml);
        Assert.Equal(2, page.QuerySelectorAll("table tbody tr").Length);
    }

    [Fact]
    public async Task Map_EmptyNetwork_InvitesToStartOne()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var (_, page) = await hub.NewClient().GetAsync("/congregations/map");
        Assert.Contains("Start the first one", page.QuerySelector(".empty")!.TextContent);
    }
}
