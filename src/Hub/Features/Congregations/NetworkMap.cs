using System.Globalization;
using System.Net;
using System.Text;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Draws the network as SVG on the server: one circle per congregation, its area growing with its
/// members, with a small dot for each of its crews around it. No script, no external library;
/// the page lists the same facts as a table for screen readers.
/// </summary>
public static class NetworkMap
{
    public sealed record Node(string Slug, string Name, int Members, IReadOnlyList<int> CrewSizes);

    public static string Svg(IReadOnlyList<Node> nodes)
    {
        const int cell = 220;
        var columns = Math.Max(1, Math.Min(4, (int)Math.Ceiling(Math.Sqrt(nodes.Count))));
        var rows = Math.Max(1, (nodes.Count + columns - 1) / columns);
        var largest = Math.Max(1, nodes.Count == 0 ? 1 : nodes.Max(n => n.Members));
        var svg = new StringBuilder();
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {columns * cell} {rows * cell}\" role=\"group\" aria-labelledby=\"map-title\" class=\"network-map\">")
           .Append("<title id=\"map-title\">The network: each circle a congregation, sized by its members, with a dot for each crew</title>");
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var cx = (i % columns) * cell + cell / 2.0;
            var cy = (i / columns) * cell + cell / 2.0 - 10;
            var r = 18 + 52 * Math.Sqrt((double)node.Members / largest);
            svg.Append($"<a href=\"/congregations/{WebUtility.HtmlEncode(node.Slug)}\">")
               .Append($"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r)}\" class=\"congregation\"/>")
               .Append($"<text x=\"{F(cx)}\" y=\"{F(cy + 5)}\" text-anchor=\"middle\" class=\"count\">{node.Members}</text>");
            for (var c = 0; c < node.CrewSizes.Count; c++)
            {
                var angle = 2 * Math.PI * c / Math.Max(1, node.CrewSizes.Count) - Math.PI / 2;
                var cr = 4 + 2 * node.CrewSizes[c];
                svg.Append($"<circle cx=\"{F(cx + (r + 14) * Math.Cos(angle))}\" cy=\"{F(cy + (r + 14) * Math.Sin(angle))}\" r=\"{F(cr)}\" class=\"crew\"/>");
            }
            var label = node.Name.Length > 26 ? node.Name[..25] + "…" : node.Name;
            svg.Append($"<text x=\"{F(cx)}\" y=\"{F(cy + r + 34)}\" text-anchor=\"middle\" class=\"label\">{WebUtility.HtmlEncode(label)}</text></a>");
        }
        return svg.Append("</svg>").ToString();
    }
}
