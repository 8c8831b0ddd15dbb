using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Brings a git repository into the data folder with the git command: clone the first time, pull after.</summary>
public static class FetchHandbookSource
{
    public static bool IsGitUrl(string source) =>
        source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal)
        || source.EndsWith(".git", StringComparison.OrdinalIgnoreCase) && !Directory.Exists(source);

    /// <summary>The local clone's folder, or an error message.</summary>
    /// <param name="source">A URL that <see cref="CheckHandbookSource"/> has let through, with the addresses it checked.</param>
    public static async Task<(string? Folder, string? Error)> RunAsync(CheckHandbookSource.Git source, string dataDirectory, CancellationToken cancel)
    {
        var url = source.Url;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
        var folder = Path.Combine(dataDirectory, "handbook", "git", key);
        var scheme = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.Scheme : "https";
        // Only the checked URL's own protocol (no submodule or ext:: transport elsewhere), no redirect to
        // a host nobody checked, and the checked addresses only, so a second DNS answer cannot differ.
        List<string> safety = ["-c", "protocol.allow=never", "-c", $"protocol.{scheme}.allow=always", "-c", "http.followRedirects=false"];
        foreach (var entry in source.Resolve)
        {
            safety.AddRange(["-c", $"http.curloptResolve={entry}"]);
        }
        if (Directory.Exists(Path.Combine(folder, ".git")))
        {
            var (code, output) = await GitAsync(folder, cancel, [.. safety, "pull", "--ff-only", "--quiet"]);
            return code == 0 ? (folder, null) : (null, $"git pull failed: {output.Trim()}");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var (cloned, message) = await GitAsync(Path.GetDirectoryName(folder)!, cancel, [.. safety, "clone", "--quiet", "--", url, folder]);
        return cloned == 0 ? (folder, null) : (null, $"git clone failed: {message.Trim()}");
    }

    /// <summary>
    /// Each file's last commit time and the authors of the commits that touched it (most commits first), from
    /// one pass over the log: the same as a <c>git log</c> per file, without starting git once per page.
    /// </summary>
    public static async Task<Dictionary<string, GitFileHistory>> HistoryAsync(string repository, CancellationToken cancel)
    {
        var result = new Dictionary<string, GitFileHistory>(StringComparer.Ordinal);
        var (code, output) = await GitAsync(repository, cancel, "-c", "core.quotePath=false", "log", "--format=%x01%aI%x02%aN", "--name-only");
        if (code != 0)
        {
            return result;
        }
        var when = DateTime.MinValue;
        var author = "";
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                var parts = line[1..].Split('\u0002', 2);
                when = DateTimeOffset.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
                author = parts.Length > 1 ? parts[1].Trim() : "";
            }
            else if (line.Length > 0)
            {
                var path = line.Normalize(NormalizationForm.FormC);
                // The log runs newest first, so the first commit seen is the file's last change.
                result.TryAdd(path, new GitFileHistory(when, []));
                // Bots (dependabot[bot] and the like) keep files tidy; they are not who wrote the page.
                if (author.Length > 0 && !author.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase))
                {
                    var authors = counts.TryGetValue(path, out var found) ? found : counts[path] = new(StringComparer.Ordinal);
                    authors[author] = authors.GetValueOrDefault(author) + 1;
                }
            }
        }
        foreach (var (path, authors) in counts)
        {
            result[path] = result[path] with { Authors = [.. authors.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key)] };
        }
        return result;
    }

    public static async Task<(int ExitCode, string Output)> GitAsync(string workingDirectory, CancellationToken cancel, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Never ask for a password on a terminal: an import runs unattended.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var git = Process.Start(start) ?? throw new InvalidOperationException("Could not start git.");
        var stdout = git.StandardOutput.ReadToEndAsync(cancel);
        var stderr = git.StandardError.ReadToEndAsync(cancel);
        try
        {
            await git.WaitForExitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            git.Kill(entireProcessTree: true);
            throw;
        }
        return (git.ExitCode, git.ExitCode == 0 ? await stdout : await stderr + await stdout);
    }
}

/// <summary>What git says about one file: when it last changed, and who wrote the commits that touched it (most commits first).</summary>
public sealed record GitFileHistory(DateTime LastChanged, IReadOnlyList<string> Authors);
