using System.Diagnostics;
using MimeKit;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// A real SMTP server (the npm package smtp-server, tests/tools/smtp-sink.js) on a free loopback port.
/// Each message it receives is kept byte for byte and read back with MimeKit.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;

    public int Port { get; }
    public string Folder { get; }

    private SmtpSink(Process process, int port, string folder) => (this.process, Port, Folder) = (process, port, folder);

    public static async Task<SmtpSink> StartAsync()
    {
        var script = Path.Combine(TestPaths.ToolsDirectory, "smtp-sink.js");
        if (!Directory.Exists(Path.Combine(TestPaths.ToolsDirectory, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException("The test SMTP server is not installed. Run ./test.sh, or: npm ci --prefix tests/tools");
        }
        var folder = TestPaths.NewTemporaryDirectory("hub-mail");
        var start = new ProcessStartInfo("node", [script, "--port", "0", "--dir", folder])
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
            throw new InvalidOperationException("Node.js is needed for the test SMTP server. Install it: apt-get install nodejs npm", e);
        }
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The test SMTP server did not start: {line} {error}");
        }
        return new SmtpSink(process, int.Parse(line["listening ".Length..]), folder);
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.EnumerateFiles(Folder, "*.eml").Order().Select(f => MimeMessage.Load(f))];

    /// <summary>Waits for a message to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subjectPart, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages().LastOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                && (m.Subject ?? "").Contains(subjectPart, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(100);
        }
        var seen = string.Join("; ", Messages().Select(m => $"{m.To} '{m.Subject}'"));
        throw new TimeoutException($"No message to {to} about '{subjectPart}' arrived. Seen: {seen}");
    }

    /// <summary>The first link in the plain-text part that starts with the given path.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The message has no plain-text part.");
        var link = text.Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => w.StartsWith("http", StringComparison.Ordinal) && w.Contains(pathPart, StringComparison.Ordinal));
        return link ?? throw new InvalidOperationException($"No link to {pathPart} in: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
