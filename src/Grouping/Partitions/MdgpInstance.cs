using System.Globalization;

namespace Microsolidarity.Grouping;

/// <summary>
/// Reads MDGPLIB files: a header "n m ss|ds a1 b1 ... am bm", then "i j d" per pair. Problems are reported
/// with their line number, because a hand-edited instance is the usual way to get one wrong.
/// </summary>
public static class MdgpInstance
{
    public static PartitionProblem Parse(string text)
    {
        var lines = text.Split('\n');
        var header = lines.Length > 0 ? Tokens(lines[0]) : [];
        if (header.Length < 3 || !int.TryParse(header[0], out var n) || !int.TryParse(header[1], out var m) || n < 1 || m < 1)
        {
            throw new FormatException("Line 1 should read \"n m ss|ds a1 b1 ... am bm\".");
        }
        if (header.Length < 3 + 2 * m)
        {
            throw new FormatException($"Line 1 names {m} groups but gives {(header.Length - 3) / 2} size ranges.");
        }
        var lower = new int[m];
        var upper = new int[m];
        for (var g = 0; g < m; g++)
        {
            lower[g] = int.Parse(header[3 + 2 * g], CultureInfo.InvariantCulture);
            upper[g] = int.Parse(header[4 + 2 * g], CultureInfo.InvariantCulture);
        }
        var weights = new double[n * n];
        for (var l = 1; l < lines.Length; l++)
        {
            var t = Tokens(lines[l]);
            if (t.Length == 0)
            {
                continue;
            }
            if (t.Length != 3 || !int.TryParse(t[0], out var i) || !int.TryParse(t[1], out var j)
                || !double.TryParse(t[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                || i < 0 || j < 0 || i >= n || j >= n || i == j)
            {
                throw new FormatException($"Line {l + 1} should read \"i j d\" with 0 <= i, j < {n}: \"{lines[l].Trim()}\".");
            }
            weights[i * n + j] = weights[j * n + i] = d;
        }
        return new PartitionProblem(n, weights, lower, upper);
    }

    public static PartitionProblem Load(string path) => Parse(File.ReadAllText(path));

    private static string[] Tokens(string line) => line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
