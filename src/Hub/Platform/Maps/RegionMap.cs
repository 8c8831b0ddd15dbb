using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Microsolidarity.Hub.Platform.Maps;

/// <summary>
/// A small map of the land around one point, drawn as SVG by the hub: Natural Earth's 1:50m land and
/// country borders (world-50m.bin, made by scripts/world-50m.js; see README.md beside this file), the
/// nearest large cities for bearings, a scale bar and a pin. It is the "static map preview" of an event
/// in person: nothing is loaded from another site, so a page shows where a place is without telling a
/// tile server who looked. A link beside it opens a street map for those who want one.
/// </summary>
public static class RegionMap
{
    /// <summary>The drawing's size in SVG units: wide, as it sits under the event's facts.</summary>
    public const double Width = 640, Height = 320;

    /// <summary>The window's height in degrees of latitude: about 270 km, a day's travel, so the coast or border a place lies near shows.</summary>
    private const double SpanLatitude = 2.4;

    private static readonly Lazy<Geography> Data = new(Geography.Read);

    // Drawings by point (hundredths of a degree): events in one city share one. Bounded, so a hub with
    // many places never holds more than a few hundred small strings.
    private static readonly ConcurrentDictionary<(int, int), string> Drawn = new();

    /// <summary>
    /// The map around (<paramref name="latitude"/>, <paramref name="longitude"/>), labelled by
    /// <paramref name="title"/> for screen readers (the page says the same in words).
    /// </summary>
    public static string Svg(double latitude, double longitude, string title)
    {
        var key = ((int)Math.Round(latitude * 100), (int)Math.Round(longitude * 100));
        if (!Drawn.TryGetValue(key, out var body))
        {
            if (Drawn.Count >= 512)
            {
                Drawn.Clear();
            }
            body = Drawn[key] = Draw(key.Item1 / 100.0, key.Item2 / 100.0);
        }
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"region-map\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">{body}</svg>";
    }

    /// <summary>Projects degrees to drawing units: equirectangular around the point, longitude shrunk by the cosine of its latitude so shapes keep their proportions.</summary>
    private readonly record struct Window(double Latitude, double Longitude)
    {
        public const double Scale = Height / SpanLatitude;
        public double Shrink => Math.Cos(Math.Clamp(Latitude, -75, 75) * Math.PI / 180);
        public const double HalfLatitude = SpanLatitude / 2 * 1.05;
        public double HalfLongitude => Width / 2 / (Scale * Shrink) * 1.05;
        public double X(double lon) => Width / 2 + (lon - Longitude) * Shrink * Scale;
        public double Y(double lat) => Height / 2 - (lat - Latitude) * Scale;
        public double West => Longitude - HalfLongitude;
        public double East => Longitude + HalfLongitude;
        public double South => Latitude - HalfLatitude;
        public double North => Latitude + HalfLatitude;
    }

    private static string Draw(double latitude, double longitude)
    {
        var w = new Window(latitude, longitude);
        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"sea\" width=\"{Width}\" height=\"{Height}\"/>");
        svg.Append("<path class=\"land\" d=\"");
        foreach (var ring in Data.Value.Land)
        {
            // A ring that runs past ±180 (unwrapped at the antimeridian) is tried shifted by a turn too.
            foreach (var turn in (ReadOnlySpan<double>)[0, -360, 360])
            {
                if (ring.Overlaps(w.West - turn, w.East - turn, w.South, w.North))
                {
                    AppendPolygon(svg, Clip(ring, turn, w), w);
                }
            }
        }
        svg.Append("\"/><path class=\"border\" d=\"");
        foreach (var line in Data.Value.Borders)
        {
            if (line.Overlaps(w.West, w.East, w.South, w.North))
            {
                AppendPolyline(svg, line, w);
            }
        }
        svg.Append("\"/>");
        AppendCities(svg, w);
        AppendScale(svg);
        // The pin's point is the place: a drop whose tip sits on it.
        var (px, py) = (F(w.X(longitude)), F(w.Y(latitude)));
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"pin-mark\"><path class=\"pin\" d=\"M{px} {py}c-4-9-11-14-11-21a11 11 0 1 1 22 0c0 7-7 12-11 21z\"/>")
           .Append(CultureInfo.InvariantCulture, $"<circle class=\"pin-eye\" cx=\"{px}\" cy=\"{F(w.Y(latitude) - 21)}\" r=\"4\"/></g>");
        return svg.ToString();
    }

    /// <summary>Sutherland–Hodgman against the window's four edges: what lies outside becomes the edge, which the frame hides, so the fill stays closed.</summary>
    private static List<(double Lon, double Lat)> Clip(Line ring, double turn, Window w)
    {
        var points = new List<(double, double)>(ring.Count);
        for (var i = 0; i < ring.Count; i++)
        {
            points.Add((ring.Lon[i] + turn, ring.Lat[i]));
        }
        points = ClipEdge(points, p => p.Lon >= w.West, (a, b) => Cross(a, b, w.West, lon: true));
        points = ClipEdge(points, p => p.Lon <= w.East, (a, b) => Cross(a, b, w.East, lon: true));
        points = ClipEdge(points, p => p.Lat >= w.South, (a, b) => Cross(a, b, w.South, lon: false));
        return ClipEdge(points, p => p.Lat <= w.North, (a, b) => Cross(a, b, w.North, lon: false));
    }

    private static List<(double Lon, double Lat)> ClipEdge(List<(double Lon, double Lat)> points, Func<(double Lon, double Lat), bool> inside,
        Func<(double Lon, double Lat), (double Lon, double Lat), (double, double)> cross)
    {
        var kept = new List<(double, double)>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var current = points[i];
            var previous = points[(i + points.Count - 1) % points.Count];
            if (inside(current))
            {
                if (!inside(previous))
                {
                    kept.Add(cross(previous, current));
                }
                kept.Add(current);
            }
            else if (inside(previous))
            {
                kept.Add(cross(previous, current));
            }
        }
        return kept;
    }

    private static (double, double) Cross((double Lon, double Lat) a, (double Lon, double Lat) b, double at, bool lon)
    {
        var t = lon ? (at - a.Lon) / (b.Lon - a.Lon) : (at - a.Lat) / (b.Lat - a.Lat);
        return (a.Lon + (b.Lon - a.Lon) * t, a.Lat + (b.Lat - a.Lat) * t);
    }

    private static void AppendPolygon(StringBuilder svg, List<(double Lon, double Lat)> points, Window w)
    {
        if (points.Count < 3)
        {
            return;
        }
        var first = true;
        foreach (var (lon, lat) in points)
        {
            svg.Append(first ? 'M' : 'L').Append(F(w.X(lon))).Append(' ').Append(F(w.Y(lat)));
            first = false;
        }
        svg.Append('z');
    }

    /// <summary>Borders are lines, not areas: their segments are drawn whole where either end is near the window (the frame hides the rest).</summary>
    private static void AppendPolyline(StringBuilder svg, Line line, Window w)
    {
        var drawing = false;
        for (var i = 0; i < line.Count; i++)
        {
            var near = Near(line, i, w) || (i > 0 && Near(line, i - 1, w)) || (i + 1 < line.Count && Near(line, i + 1, w));
            if (!near)
            {
                drawing = false;
                continue;
            }
            svg.Append(drawing ? 'L' : 'M').Append(F(w.X(line.Lon[i]))).Append(' ').Append(F(w.Y(line.Lat[i])));
            drawing = true;
        }
    }

    private static bool Near(Line line, int i, Window w) =>
        line.Lon[i] >= w.West && line.Lon[i] <= w.East && line.Lat[i] >= w.South && line.Lat[i] <= w.North;

    /// <summary>The large cities of <see cref="Cities"/> inside the window, as dots with their names, for bearings.</summary>
    private static void AppendCities(StringBuilder svg, Window w)
    {
        foreach (var city in Cities.All)
        {
            var (x, y) = (w.X(city.Longitude), w.Y(city.Latitude));
            if (x < 8 || x > Width - 8 || y < 12 || y > Height - 8)
            {
                continue;
            }
            // Names go left of dots near the right edge, so they are not cut off.
            var right = x > Width - 110;
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"city\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text class=\"city-name\" x=\"{F(right ? x - 6 : x + 6)}\" y=\"{F(y + 4)}\"{(right ? " text-anchor=\"end\"" : "")}>{WebUtility.HtmlEncode(city.Name)}</text>");
        }
    }

    /// <summary>A bar of a round number of kilometres in the lower left corner.</summary>
    private static readonly int[] ScaleBarKilometres = [10, 20, 25, 50, 100];

    private static void AppendScale(StringBuilder svg)
    {
        var unitsPerKm = Window.Scale / 111.32; // a degree of latitude is 111.32 km
        var km = ScaleBarKilometres.Last(k => k * unitsPerKm <= 140);
        var length = km * unitsPerKm;
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"scale\" d=\"M12 {Height - 14}h{F(length)}M12 {Height - 19}v10M{F(12 + length)} {Height - 19}v10\"/>")
           .Append(CultureInfo.InvariantCulture, $"<text class=\"scale-label\" x=\"12\" y=\"{Height - 24}\">{km} km</text>");
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>One line of the data: its points in degrees and the box around them.</summary>
    private sealed class Line(float[] lon, float[] lat)
    {
        public float[] Lon { get; } = lon;
        public float[] Lat { get; } = lat;
        public int Count => Lon.Length;
        private readonly float west = lon.Min(), east = lon.Max(), south = lat.Min(), north = lat.Max();

        public bool Overlaps(double west, double east, double south, double north) =>
            this.west <= east && this.east >= west && this.south <= north && this.north >= south;
    }

    private sealed record Geography(IReadOnlyList<Line> Land, IReadOnlyList<Line> Borders)
    {
        /// <summary>Reads world-50m.bin, compiled into the hub (format: scripts/world-50m.js).</summary>
        public static Geography Read()
        {
            using var stream = typeof(RegionMap).Assembly.GetManifestResourceStream("world-50m.bin")
                ?? throw new InvalidOperationException("The base map world-50m.bin is missing from the build (Hub.csproj embeds it).");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            if (bytes.Length < 4 || Encoding.ASCII.GetString(bytes, 0, 4) != "NE50")
            {
                throw new InvalidOperationException("world-50m.bin does not start with NE50: make it again with scripts/world-50m.js.");
            }
            var at = 4;
            return new Geography(Section(bytes, ref at), Section(bytes, ref at));
        }

        private static List<Line> Section(byte[] bytes, ref int at)
        {
            var lines = new List<Line>(Varint(bytes, ref at));
            for (var count = lines.Capacity; count > 0; count--)
            {
                var n = Varint(bytes, ref at);
                var (lon, lat) = (new float[n], new float[n]);
                var (x, y) = (0, 0);
                for (var i = 0; i < n; i++)
                {
                    x += Varint(bytes, ref at);
                    y += Varint(bytes, ref at);
                    (lon[i], lat[i]) = (x / 100f, y / 100f);
                }
                lines.Add(new Line(lon, lat));
            }
            return lines;
        }

        /// <summary>A zigzag LEB128 number.</summary>
        private static int Varint(byte[] bytes, ref int at)
        {
            long value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[at++];
                value |= (long)(b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return (int)((value >> 1) ^ -(value & 1));
        }
    }
}
