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

    /// <summary>The last commit time of every file, from one pass over the log.</summary>
    public static async Task<Dictionary<string, DateTime>> LastChangesAsync(string repository, CancellationToken cancel)
    {
        var result = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var (code, output) = await GitAsync(repository, cancel, "-c", "core.quotePath=false", "log", "--format=%x01%aI", "--name-only");
        if (code != 0)
        {
            return result;
        }
        var when = DateTime.MinValue;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                when = DateTimeOffset.Parse(line[1..], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
            }
            else if (line.Length > 0)
            {
                result.TryAdd(line.Normalize(NormalizationForm.FormC), when);
            }
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
