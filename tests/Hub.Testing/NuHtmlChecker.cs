using System.Diagnostics;
using System.Text.Json;

namespace Microsolidarity.Hub.Testing;

/// <summary>The Nu HTML Checker (vnu.jar from the npm package vnu-jar), run once over a set of pages.</summary>
public static class NuHtmlChecker
{
    /// <summary>Returns every error, as "page: line N: message".</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyDictionary<string, string> pages)
    {
        var jar = Path.Combine(TestPaths.ToolsDirectory, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException("The Nu HTML Checker is not installed. Run ./test.sh, or: npm ci --prefix tests/tools");
        }
        var folder = TestPaths.NewTemporaryDirectory("hub-vnu");
        var files = new Dictionary<string, string>();
        foreach (var (name, html) in pages)
        {
            var file = Path.Combine(folder, $"{files.Count:000}.html");
            await File.WriteAllTextAsync(file, html);
            files[Path.GetFileName(file)] = name;
        }
        var start = new ProcessStartInfo("java", [.. ShortLivedJava.Options, "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", .. files.Keys.Select(f => Path.Combine(folder, f))])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Java is needed for the Nu HTML Checker: apt-get install default-jre-headless", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            // vnu writes its JSON report to standard error.
            var report = (await stderr).Trim();
            if (report.Length == 0)
            {
                report = (await stdout).Trim();
            }
            using var json = JsonDocument.Parse(report);
            Directory.Delete(folder, recursive: true);
            return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m =>
                {
                    var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                    var page = files.TryGetValue(url[(url.LastIndexOf('/') + 1)..], out var n) ? n : url;
                    var line = m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
                    return $"{page}: line {line}: {m.GetProperty("message").GetString()}";
                })];
        }
    }
}
