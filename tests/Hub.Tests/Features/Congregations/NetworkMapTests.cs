using System.Globalization;
using System.Net;
using Microsolidarity.Hub.Features.Congregations.Map;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

public sealed class NetworkMapTests
{
    [Fact]
    public async Task Map_DemoNetwork_DrawsPlacedCongregationsOnTheWorldAndListsOnlineOnesBeside()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:SeedDemo"] = "true", smtp: false);
        var (response, page) = await hub.NewClient().GetAsync("/congregations/map");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = page.QuerySelector("svg.world-map")!;
        Assert.Equal(WorldMap.LandPath, svg.QuerySelector("path.land")!.GetAttribute("d"));
        var placed = svg.QuerySelectorAll("a").ToList();
        Assert.Equal(["/congregations/riverside"], placed.Select(a => a.GetAttribute("href")));
        Assert.Equal("Riverside Congregation, Lisbon: 6 members", placed[0].QuerySelector("title")!.TextContent);
        Assert.Equal(["Online Commons"], page.QuerySelectorAll(".online-list li a").Select(a => a.TextContent));
        Assert.Equal(2, page.QuerySelectorAll("table tbody tr").Length);
        Assert.DoesNotContain("Ilse", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Map_EmptyNetwork_InvitesToStartOne()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var (_, page) = await hub.NewClient().GetAsync("/congregations/map");
        Assert.Contains("Start the first one", page.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public void Project_KnownPlaces_LandWhereTheBaseMapPutsThem()
    {
        void Near((double X, double Y) expected, (double X, double Y) actual)
        {
            Assert.Equal(expected.X, actual.X, 1e-6);
            Assert.Equal(expected.Y, actual.Y, 1e-6);
        }
        Near((500, 233.333333333), WorldMap.Project(0, 0));
        Near((0, 0), WorldMap.Project(84, -180));
        Near((1000, 400), WorldMap.Project(-89, 180)); // below the frame: on its edge, never off the picture
    }

    [Fact]
    public async Task Place_HostChoosesACity_TheNextRequestShowsItForVisitorsAndMembers()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        var slug = SlugOf(await CreateAsync(host, "Harbour Circle", place: "Porto"));
        var visitor = hub.NewClient();

        // Both views are kept now: the visitors' page and the shared drawing.
        var (_, before) = await visitor.GetAsync("/congregations/map");
        Assert.Empty(before.QuerySelectorAll("svg.world-map a"));
        Assert.Contains("not on the map yet", before.QuerySelector("table tbody")!.TextContent);
        var (_, beforeHost) = await host.GetAsync("/congregations/map");
        Assert.Empty(beforeHost.QuerySelectorAll("svg.world-map a"));

        // The hosting page offers the city its place names.
        var (_, hosting) = await host.GetAsync($"/congregations/{slug}/host");
        Assert.Equal("Porto, Portugal", hosting.QuerySelector("#city option[selected]")!.GetAttribute("value"));
        var (placedResponse, _) = await host.SubmitAsync($"/congregations/{slug}/host", new Dictionary<string, string> { ["City"] = "Porto, Portugal" }, "Place");
        Assert.Equal(HttpStatusCode.Redirect, placedResponse.StatusCode);

        foreach (var client in new[] { visitor, host })
        {
            var (_, after) = await client.GetAsync("/congregations/map");
            var circle = after.QuerySelector($"svg.world-map a[href='/congregations/{slug}'] circle")!;
            var (x, y) = WorldMap.Project(41.15, -8.61);
            Assert.Equal(x, double.Parse(circle.GetAttribute("cx")!, CultureInfo.InvariantCulture), 0.1);
            Assert.Equal(y, double.Parse(circle.GetAttribute("cy")!, CultureInfo.InvariantCulture), 0.1);
            Assert.DoesNotContain("not on the map yet", after.QuerySelector("table tbody")!.TextContent);
        }

        var (_, placed) = await host.GetAsync($"/congregations/{slug}/host");
        Assert.Contains("41.15, -8.61", placed.QuerySelector("#on-the-map ~ figure figcaption")!.TextContent);
        var (removed, _) = await host.SubmitAsync($"/congregations/{slug}/host", new Dictionary<string, string>(), "Unplace");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var (_, gone) = await visitor.GetAsync("/congregations/map");
        Assert.Empty(gone.QuerySelectorAll("svg.world-map a"));
    }

    [Fact]
    public async Task Place_TypedCoordinates_StoredToTwoDecimalsWithACommaAccepted()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        var slug = SlugOf(await CreateAsync(host, "Fjord Circle", place: "Bergen"));
        var (response, _) = await host.SubmitAsync($"/congregations/{slug}/host",
            new Dictionary<string, string> { ["City"] = "", ["Latitude"] = "60,3913", ["Longitude"] = " 5.3221 " }, "Place");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, map) = await hub.NewClient().GetAsync("/congregations/map");
        var circle = map.QuerySelector($"svg.world-map a[href='/congregations/{slug}'] circle")!;
        Assert.Equal(WorldMap.Project(60.39, 5.32).X, double.Parse(circle.GetAttribute("cx")!, CultureInfo.InvariantCulture), 0.1);
    }

    [Theory]
    [InlineData("95", "10", "#latitude-error", "between -90")]
    [InlineData("45", "-181", "#longitude-error", "between -180 and 180")]
    [InlineData("north", "10", "#latitude-error", "as a number")]
    [InlineData("45", "", "#longitude-error", "Give the longitude too")]
    public async Task Place_BadCoordinates_ErrorBesideTheFieldAndWhatWasTypedKept(string latitude, string longitude, string error, string message)
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        var slug = SlugOf(await CreateAsync(host, "Somewhere Circle", place: "Somewhere"));
        var (response, page) = await host.SubmitAsync($"/congregations/{slug}/host",
            new Dictionary<string, string> { ["City"] = "", ["Latitude"] = latitude, ["Longitude"] = longitude }, "Place");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(error)!.TextContent);
        Assert.Equal(latitude, page.QuerySelector("#latitude")!.GetAttribute("value") ?? "");
        Assert.Equal(longitude, page.QuerySelector("#longitude")!.GetAttribute("value") ?? "");
        var (_, map) = await hub.NewClient().GetAsync("/congregations/map");
        Assert.Empty(map.QuerySelectorAll("svg.world-map a"));
    }

    [Fact]
    public async Task Place_UnknownCity_Refused()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        var slug = SlugOf(await CreateAsync(host, "Atlantis Circle", place: "Atlantis"));
        var (_, page) = await host.SubmitAsync($"/congregations/{slug}/host", new Dictionary<string, string> { ["City"] = "Atlantis, Ocean" }, "Place");
        Assert.Contains("Choose a city from the list", page.QuerySelector("#city-error")!.TextContent);
    }

    [Fact]
    public async Task Place_PostedByAMember_IsRefused()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        await hub.CreatePersonAsync("bea@test.example", "walking in the hills", name: "Bea");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        var bea = await hub.SignedInClientAsync("bea@test.example", "walking in the hills");
        var slug = SlugOf(await CreateAsync(host, "Open Door", "Open"));
        await bea.SubmitAsync($"/congregations/{slug}", new Dictionary<string, string>(), "Join");
        var (_, page) = await bea.GetAsync($"/congregations/{slug}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, _) = await bea.PostAsync($"/congregations/{slug}/host?handler=Place",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["City"] = "Lisbon, Portugal" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (_, map) = await hub.NewClient().GetAsync("/congregations/map");
        Assert.Empty(map.QuerySelectorAll("svg.world-map a"));
    }
}
