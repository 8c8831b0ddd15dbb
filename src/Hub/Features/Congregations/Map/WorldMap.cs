using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// Draws congregations on the world as SVG, on the server: Natural Earth's land (vendored, see
/// README.md beside this file) and one circle per placed congregation, its area growing with its
/// members. No script and no tiles from another site; the pages list the same facts as text.
/// </summary>
public static partial class WorldMap
{
    /// <summary>The drawing is 1000 units wide for 360 degrees; these are the latitudes of its top and bottom edges.</summary>
    public const double Top = 84, Bottom = -60;

    public const double Width = 1000, Height = (Top - Bottom) / 360 * Width;

    public sealed record Point(string Slug, string Name, string Place, int Members, double Latitude, double Longitude);

    /// <summary>The land as one path, read once from the resource compiled into the hub.</summary>
    public static string LandPath { get; } = ReadLand();

    public static (double X, double Y) Project(double latitude, double longitude) =>
        ((longitude + 180) / 360 * Width, (Top - Math.Clamp(latitude, Bottom, Top)) / 360 * Width);

    /// <summary>
    /// The map with a circle for each point, the largest drawn first so smaller ones stay clickable on
    /// top. The circles are links for pointer users, named for screen readers; they are kept out of the
    /// tab order because the page lists every congregation as a link too, and 200 stops inside a
    /// picture help nobody. (Not role="img": a picture's children would have to hold no links.)
    /// </summary>
    /// <param name="members">"6 members", in the page's language.</param>
    public static string Svg(IReadOnlyList<Point> points, string titleId, string title, Func<int, string> members, string? highlight = null)
    {
        var largest = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Members));
        var svg = new StringBuilder(LandPath.Length + 200 * points.Count + 600);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"world-map\" role=\"group\" aria-labelledby=\"{titleId}\">")
           .Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{WebUtility.HtmlEncode(title)}</title>")
           .Append(CultureInfo.InvariantCulture, $"<rect class=\"sea\" width=\"{Width}\" height=\"{Height}\"/>")
           .Append("<path class=\"land\" d=\"").Append(LandPath).Append("\"/>");
        foreach (var p in points.OrderByDescending(p => p.Members).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var (x, y) = Project(p.Latitude, p.Longitude);
            var r = 3 + 7 * Math.Sqrt((double)p.Members / largest);
            var what = $"{p.Name}{(p.Place == "" ? "" : ", " + p.Place)}: {members(p.Members)}";
            var css = p.Slug == highlight ? "congregation here" : "congregation";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"/congregations/{WebUtility.HtmlEncode(p.Slug)}\" tabindex=\"-1\" aria-label=\"{WebUtility.HtmlEncode(what)}\">")
               .Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(what)}</title>")
               .Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\" class=\"{css}\"/></a>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string ReadLand()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("world-land-110m.svg")
            ?? throw new InvalidOperationException("The base map world-land-110m.svg is missing from the build (Hub.csproj embeds it).");
        using var reader = new StreamReader(stream);
        return LandD().Match(reader.ReadToEnd()) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("world-land-110m.svg has no path with id=\"land\".");
    }

    [GeneratedRegex("<path id=\"land\" d=\"([^\"]+)\"")]
    private static partial Regex LandD();
}
