using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// The balance over time as a small server-rendered SVG: one line per currency, month by month.
/// Colours are SVG attributes (the CSP allows no inline style), and the same figures are in a table
/// beside it for anyone who cannot see the picture. Its labels are in the reader's language; its coordinates stay invariant.
/// </summary>
public static class BalanceChart
{
    private static readonly string[] Colours = ["#2f6f5e", "#b5562a", "#4a5fa8", "#8a5a9c", "#7a7a2a", "#2a7a8a"];

    public static string Svg(IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Month, long Balance)>> series, IStringLocalizer strings)
    {
        const int width = 640, height = 260, left = 64, right = 16, top = 16, bottom = 40;
        var all = series.Values.SelectMany(s => s.Select(p => p.Balance)).DefaultIfEmpty(0).ToList();
        var min = Math.Min(0, all.Min());
        var max = Math.Max(all.Max(), min + 100);
        var months = series.Values.FirstOrDefault()?.Select(p => p.Month).ToList() ?? [];
        double X(int i) => left + (months.Count <= 1 ? 0 : i * (width - left - right) / (double)(months.Count - 1));
        double Y(long v) => top + (height - top - bottom) * (1 - (v - min) / (double)(max - min));
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        var label = strings["Commons.Chart.Label", string.Join("; ", series.Select(s => strings["Commons.Chart.Now", s.Key, Money.Format(s.Value.Count > 0 ? s.Value[^1].Balance : 0, s.Key)].Value))].Value;
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"balance-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        // Gridlines at the bottom, the middle and the top, labelled in whole units.
        foreach (var value in new[] { min, (min + max) / 2, max })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(value))}\" y2=\"{F(Y(value))}\" stroke=\"#8a8a8a\" stroke-opacity=\"0.35\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"currentColor\">{(value / 100).ToString("N0", DateFormats.Culture)}</text>");
        }
        for (var i = 0; i < months.Count; i += Math.Max(1, months.Count / 6))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{height - 12}\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">{WebUtility.HtmlEncode(DateFormats.Format(months[i].ToDateTime(TimeOnly.MinValue), "MMM yy"))}</text>");
        }
        var index = 0;
        foreach (var (currency, points) in series)
        {
            var colour = Colours[index % Colours.Length];
            var path = string.Join(" ", points.Select((p, i) => $"{F(X(i))},{F(Y(p.Balance))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 8 + index * 70}\" y=\"{top + 12}\" font-size=\"13\" fill=\"{colour}\" font-weight=\"bold\">{WebUtility.HtmlEncode(currency)}</text>");
            index++;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
