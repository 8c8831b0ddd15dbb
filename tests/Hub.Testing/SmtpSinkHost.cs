using System.Diagnostics;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// The one node process (tests/tools/smtp-sink.js --serve) that runs every <see cref="SmtpSink"/> of this
/// test process as its own server on its own port. Opening is one line on its standard input and one
/// answer; the process ends when its standard input closes, so it never outlives the tests.
/// </summary>
#pragma warning disable CA1001 // one per test process, which it lives exactly as long as
public sealed class SmtpSinkHost
#pragma warning restore CA1001
{
    private static readonly Lazy<SmtpSinkHost> shared = new(Start);
    private readonly Process process;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();

    private SmtpSinkHost(Process process)
    {
        this.process = process;
        // Read as it comes, so a chatty server never fills the pipe and stalls.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && errors.Count < 200)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    public static SmtpSinkHost Shared => shared.Value;

    private static SmtpSinkHost Start()
    {
        var script = Path.Combine(TestPaths.ToolsDirectory, "smtp-sink.js");
        if (!Directory.Exists(Path.Combine(TestPaths.ToolsDirectory, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException("The test SMTP server is not installed. Run ./test.sh, or: npm ci --prefix tests/tools");
        }
        var start = new ProcessStartInfo("node", [script, "--serve"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            var process = Process.Start(start)!;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            };
            return new SmtpSinkHost(process);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is needed for the test SMTP server. Install it: apt-get install nodejs npm", e);
        }
    }

    /// <summary>Starts a server that writes what it receives into <paramref name="folder"/>; returns its port.</summary>
    public async Task<int> OpenAsync(string folder) =>
        int.Parse(await AskAsync($"open {folder}", "opened "));

    /// <summary>Tells one server how to treat new connections ("slow PORT MS", "hold PORT"; see smtp-sink.js).</summary>
    public Task TellAsync(string command) => AskAsync(command, "ok ");

    private async Task<string> AskAsync(string command, string answer)
    {
        await oneAtATime.WaitAsync();
        try
        {
            await process.StandardInput.WriteLineAsync(command);
            await process.StandardInput.FlushAsync();
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                if (line is null)
                {
                    throw new InvalidOperationException($"The test SMTP server stopped: {string.Join('\n', errors)}");
                }
                if (line.StartsWith(answer, StringComparison.Ordinal))
                {
                    return line[answer.Length..];
                }
                // "closed PORT" answers a close that nobody waits for.
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>Stops the server on <paramref name="port"/>; it finishes any message it is receiving first.</summary>
    public async Task CloseAsync(int port)
    {
        await oneAtATime.WaitAsync();
        try
        {
            if (!process.HasExited)
            {
                await process.StandardInput.WriteLineAsync($"close {port}");
                await process.StandardInput.FlushAsync();
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }
}
