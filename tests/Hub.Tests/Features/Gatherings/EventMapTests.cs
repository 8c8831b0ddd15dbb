using System.Globalization;
using System.Net;
using Microsolidarity.Hub.Features.Congregations.Map;
using Microsolidarity.Hub.Testing;
using static Microsolidarity.Hub.Tests.Features.Gatherings.GatheringTestKit;

namespace Microsolidarity.Hub.Tests.Features.Gatherings;

/// <summary>
/// The map preview of an event in person (drawn by the hub, nothing loaded from a map service), and
/// placing a congregation on the network map when it is started. One hub for the class: every test
/// makes its own people, events and congregations.
/// </summary>
public sealed class EventMapTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private const string Password = "rain on a tin roof";
    private HubFactory Hub => shared.Hub;

    private async Task<FormClient> AdminAsync()
    {
        var email = Unique.Email("ada");
        await Hub.CreatePersonAsync(email, Password, admin: true, name: "Ada");
        return await Hub.SignedInClientAsync(email, Password);
    }

    private static DateOnly Soon => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(12));

    [Fact]
    public async Task Show_EventPlacedByCity_DrawsTheAreaWithThePinAndLinksAStreetMapWithoutLoadingIt()
    {
        var ada = await AdminAsync();
        var path = await CreateAsync(ada, Form("network", "Harbour gathering", Soon, f =>
        {
            f["Input.Address"] = "Old fish market, Rua Nova 5";
            f["Input.City"] = "Porto, Portugal";
        }));
        foreach (var reader in new[] { ada, Hub.NewClient() })
        {
            var (_, page) = await reader.GetAsync(path);
            var figure = page.QuerySelector("figure.event-map")!;
            var svg = figure.QuerySelector("svg.region-map")!;
            Assert.Contains("Rua Nova 5", svg.GetAttribute("aria-label"));
            Assert.Contains("Porto", svg.QuerySelectorAll("text.city-name").Select(t => t.TextContent));
            Assert.StartsWith("Where it is", figure.QuerySelector("figcaption")!.TextContent);
            var link = figure.QuerySelector("figcaption a")!.GetAttribute("href");
            Assert.Equal("https://www.openstreetmap.org/?mlat=41.15&mlon=-8.61#map=14/41.15/-8.61", link);
            // Nothing on the page fetches from another site: no image, frame or script outside the hub.
            Assert.Empty(page.QuerySelectorAll("img[src^='http'], iframe, script[src^='http'], link[href^='http'][rel='stylesheet']"));
        }
        // The edit form shows the stored point, so saving again keeps it.
        var (_, edit) = await ada.GetAsync($"{path}/edit");
        Assert.Equal("41.15", edit.QuerySelector("#input-latitude")!.GetAttribute("value"));
        Assert.Equal("-8.61", edit.QuerySelector("#input-longitude")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Show_NoPointButTheAddressNamesAListedCity_MapsThatCityAndSaysSo()
    {
        var ada = await AdminAsync();
        var path = await CreateAsync(ada, Form("network", "Moonlit circle", Soon)); // "Calle de la Luna 3, Madrid"
        var (_, page) = await ada.GetAsync(path);
        Assert.Contains("Near Madrid, Spain, the city the address names", page.QuerySelector("figure.event-map figcaption")!.TextContent);
        Assert.Contains("search?query=", page.QuerySelector("figure.event-map figcaption a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Show_OnlineOrUnknownPlace_NoMap()
    {
        var ada = await AdminAsync();
        var online = await CreateAsync(ada, Form("network", "Call", Soon, f => (f["Input.IsOnline"], f["Input.Address"], f["Input.City"]) = ("true", "", "Porto, Portugal")));
        var nowhere = await CreateAsync(ada, Form("network", "Mill", Soon, f => f["Input.Address"] = "The old mill by the river"));
        Assert.Null((await ada.GetAsync(online)).Page.QuerySelector("svg.region-map"));
        Assert.Null((await ada.GetAsync(nowhere)).Page.QuerySelector("svg.region-map"));
    }

    [Fact]
    public async Task Edit_TypedCoordinatesThenCleared_MovesThePinThenFallsBackToTheAddress()
    {
        var ada = await AdminAsync();
        var path = await CreateAsync(ada, Form("network", "Garden day", Soon));
        var (_, edit) = await ada.GetAsync($"{path}/edit");
        var form = Form("network", "Garden day", Soon, f => (f["Input.Latitude"], f["Input.Longitude"]) = ("40,4531", "-3.6883"));
        Assert.Equal(HttpStatusCode.Redirect, (await ada.SubmitAsync($"{path}/edit", form)).Response.StatusCode);
        var (_, placed) = await ada.GetAsync(path);
        Assert.Contains("mlat=40.45&mlon=-3.69", placed.QuerySelector("figure.event-map figcaption a")!.GetAttribute("href"));
        Assert.StartsWith("Where it is", placed.QuerySelector("figure.event-map figcaption")!.TextContent);

        form["Input.Latitude"] = form["Input.Longitude"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await ada.SubmitAsync($"{path}/edit", form)).Response.StatusCode);
        var (_, cleared) = await ada.GetAsync(path);
        Assert.Contains("Near Madrid, Spain", cleared.QuerySelector("figure.event-map figcaption")!.TextContent);
    }

    [Fact]
    public async Task New_BadCoordinates_BothFieldsSaySoAndWhatWasTypedIsKept()
    {
        var ada = await AdminAsync();
        var (response, page) = await ada.SubmitAsync("/gatherings/new", Form("network", "Lost walk", Soon, f => (f["Input.Latitude"], f["Input.Longitude"]) = ("north", "200")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("as a number", page.QuerySelector("#input-latitude-error")!.TextContent);
        Assert.Contains("between -180 and 180", page.QuerySelector("#input-longitude-error")!.TextContent);
        Assert.Equal("north", page.QuerySelector("#input-latitude")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#input-latitude")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task NewCongregation_WithACity_IsOnTheNetworkMapAtOnce()
    {
        var ada = await AdminAsync();
        var name = Unique.Name("Harbour Circle");
        var (response, page) = await ada.SubmitAsync("/congregations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Purpose"] = "Gathers by the harbour so that crews can form.",
            ["Input.Place"] = "Porto",
            ["Input.Policy"] = "Open",
            ["Input.City"] = "Porto, Portugal",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector("main")?.TextContent);
        var slug = response.Headers.Location!.OriginalString.Split('/')[2];
        var (_, map) = await Hub.NewClient().GetAsync("/congregations/map");
        var circle = map.QuerySelector($"svg.world-map a[href='/congregations/{slug}'] circle")!;
        Assert.Equal(WorldMap.Project(41.15, -8.61).X, double.Parse(circle.GetAttribute("cx")!, CultureInfo.InvariantCulture), 0.1);

        // A wrong city is refused beside its field, and nothing is created.
        var (refused, again) = await ada.SubmitAsync("/congregations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = Unique.Name("Atlantis Circle"),
            ["Input.Purpose"] = "Gathers under the sea.",
            ["Input.Place"] = "Atlantis",
            ["Input.Policy"] = "Open",
            ["Input.City"] = "Atlantis, Ocean",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a city from the list", again.QuerySelector("#input-city-error")!.TextContent);
    }
}
