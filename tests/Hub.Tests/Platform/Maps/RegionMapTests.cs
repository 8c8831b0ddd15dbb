using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Maps;

namespace Microsolidarity.Hub.Tests.Platform.Maps;

/// <summary>The small map of one place, drawn from Natural Earth's 1:50m land and borders compiled into the hub.</summary>
public sealed class RegionMapTests
{
    /// <summary>The hub's own words, as the pages read them.</summary>
    private static readonly IStringLocalizer Words =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Strings));

    private static AngleSharp.Dom.IElement Draw(double latitude, double longitude) =>
        new HtmlParser().ParseDocument($"<body>{RegionMap.Svg(latitude, longitude, "A place")}</body>").QuerySelector("svg.region-map")!;

    private static List<(double X, double Y)> Points(string d) =>
        [.. System.Text.RegularExpressions.Regex.Matches(d, @"[MLz]?(-?[\d.]+) (-?[\d.]+)")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    [Fact]
    public void Svg_Lisbon_LandClippedToTheFrameWithThePinOnThePlaceAndTheCityNamed()
    {
        var svg = Draw(38.72, -9.14);
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("A place", svg.GetAttribute("aria-label"));
        // Lisbon is on the coast: the window holds land and sea, so the land is a clipped shape, not the whole frame.
        var land = Points(svg.QuerySelector("path.land")!.GetAttribute("d")!);
        Assert.True(land.Count > 20, $"only {land.Count} points of land");
        Assert.All(land, p =>
        {
            Assert.InRange(p.X, -0.06 * RegionMap.Width, 1.06 * RegionMap.Width);
            Assert.InRange(p.Y, -0.06 * RegionMap.Height, 1.06 * RegionMap.Height);
        });
        Assert.Contains(land, p => p.X < RegionMap.Width / 2); // the coast runs left of the city...
        Assert.Contains(land, p => p.X > RegionMap.Width * 0.9); // ...and the land goes on to the east
        // The pin's tip is the centre of the drawing, which is the place.
        Assert.StartsWith($"M{RegionMap.Width / 2} {RegionMap.Height / 2}", svg.QuerySelector("path.pin")!.GetAttribute("d"));
        Assert.Contains("Lisbon", svg.QuerySelectorAll("text.city-name").Select(t => t.TextContent));
        Assert.Matches(@"^\d+ km$", svg.QuerySelector("text.scale-label")!.TextContent);
    }

    [Fact]
    public void Svg_Berlin_InlandShowsTheCountryBorderToTheEast()
    {
        var svg = Draw(52.52, 13.40);
        // Inland: the window is all land (the frame's corners are land), and the Oder border lies about 80 km east.
        var borders = Points(svg.QuerySelector("path.border")!.GetAttribute("d")!);
        Assert.Contains(borders, p => p.X > RegionMap.Width / 2 + 50 && p.X < RegionMap.Width);
        Assert.DoesNotContain("http", svg.OuterHtml.Replace("http://www.w3.org/2000/svg", ""));
    }

    [Fact]
    public void Svg_OpenOcean_IsSeaWithThePinAndNoLand()
    {
        var svg = Draw(-30, -130); // the South Pacific, far from any island of the 1:50m data
        Assert.Equal("", svg.QuerySelector("path.land")!.GetAttribute("d"));
        Assert.NotNull(svg.QuerySelector("path.pin"));
    }

    [Fact]
    public void Svg_OnTheAntimeridian_DrawsTheLandOnBothSides()
    {
        // Chukotka: the data cuts it at 180°, so the part east of the line has longitudes from -180 on
        // and shows only when the drawing shifts it by a whole turn.
        var svg = Draw(66, 179.5);
        var land = Points(svg.QuerySelector("path.land")!.GetAttribute("d")!);
        Assert.Contains(land, p => p.X < RegionMap.Width / 2 - 50);
        Assert.Contains(land, p => p.X > RegionMap.Width / 2 + 50);
    }

    [Theory]
    [InlineData("Rua das Flores 12, 1200-195 Lisboa", null)] // the list spells it Lisbon: no guess
    [InlineData("Rua das Flores 12, Lisbon", "Lisbon, Portugal")]
    [InlineData("Armazém 16, Rua da Cintura do Porto, Lisbon", "Lisbon, Portugal")] // the town comes last
    [InlineData("Lisbon Street 4, Porto", "Porto, Portugal")]
    [InlineData("Calle de la Luna 3, MADRID", "Madrid, Spain")]
    [InlineData("Praça XV, Rio de Janeiro", "Rio de Janeiro, Brazil")]
    [InlineData("Kulturhaus, Sao Paulo", "São Paulo, Brazil")]
    [InlineData("The old mill by the river", null)]
    [InlineData("", null)]
    public void MentionedIn_Address_FindsTheListedCityItNamesAsWholeWords(string address, string? city) =>
        Assert.Equal(city, Cities.MentionedIn(address)?.Label);

    [Theory]
    [InlineData("", "38,72", "-9.141", 38.72, -9.14)]
    [InlineData("Porto, Portugal", "", "", 41.15, -8.61)]
    [InlineData("", " −33.869 ", "151.209", -33.87, 151.21)]
    public void Read_CityOrTypedNumbers_GivesThePointToTwoDecimals(string city, string latitude, string longitude, double lat, double lon)
    {
        var problems = new List<(string, string)>();
        Assert.Equal((lat, lon), MapPlace.Read(new(city, latitude, longitude), problems, Words));
        Assert.Empty(problems);
    }

    [Fact]
    public void Read_BothNumbersWrong_BothFieldsSaySo()
    {
        var problems = new List<(string Field, string Message)>();
        Assert.Null(MapPlace.Read(new("", "north", "200"), problems, Words));
        Assert.Equal(["Latitude", "Longitude"], problems.Select(p => p.Field));
    }
}
