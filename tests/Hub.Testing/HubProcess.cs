using System.Collections.Concurrent;
using System.Diagnostics;

namespace Microsolidarity.Hub.Testing;

/// <summary>The hub's real executable on a free loopback port, in a data folder of its own.</summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    public int Port { get; }
    public int ProcessId => process.Id;
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string WorkingDirectory { get; }
    public IReadOnlyCollection<string> Output => output;

    private HubProcess(Process process, int port, string workingDirectory)
    {
        (this.process, Port, WorkingDirectory) = (process, port, workingDirectory);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Runs a command (migrate, seed --demo, an unknown verb) to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(string workingDirectory, IDictionary<string, string> settings, params string[] args)
    {
        var start = StartInfo(workingDirectory, settings, args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard like HealthWait: at a load average near 60, migrating the template took more than 2 minutes.
        await process.WaitForExitAsync().WaitAsync(HealthWait);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// How long a starting hub may take to answer /healthz before the test gives up. It is a guard against a
    /// hub that hangs, not a speed check: a quiet machine answers in a few seconds, but on a 2-core machine
    /// shared with builds and other test runs a start took more than 60 s, and at a load average near 60 one
    /// took more than 180 s (the first start had finished; it had not answered yet), and tests failed for it.
    /// </summary>
    public static readonly TimeSpan HealthWait = TimeSpan.FromSeconds(300);

    /// <summary>Starts "serve" and waits until /healthz answers 200.</summary>
    public static async Task<HubProcess> StartAsync(string workingDirectory, IDictionary<string, string> settings, params string[] extraArgs)
    {
        var port = FreePort.Next();
        var start = StartInfo(workingDirectory, settings, [.. extraArgs, "--urls", $"http://127.0.0.1:{port}"]);
        var hub = new HubProcess(Process.Start(start)!, port, workingDirectory);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + HealthWait;
        while (DateTime.UtcNow < deadline)
        {
            if (hub.process.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with {hub.process.ExitCode}:\n{string.Join('\n', hub.output)}");
            }
            try
            {
                var response = await http.GetAsync($"{hub.BaseUrl}/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        await hub.DisposeAsync();
        throw new TimeoutException($"The hub did not answer /healthz within {HealthWait.TotalSeconds:0} s:\n{string.Join('\n', hub.output)}");
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IDictionary<string, string> settings, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [TestPaths.HubDll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = settings.TryGetValue("Environment", out var env) ? env : "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The command line speaks the language the locale settings name: tests read its English unless they give one.
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("LC_MESSAGES");
        start.Environment["LANG"] = "C.UTF-8";
        foreach (var (key, value) in settings.Where(s => s.Key != "Environment"))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        return start;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what a power cut does to the process.</summary>
    public async Task KillHardAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
