using MimeKit;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// A real SMTP server (the npm package smtp-server, tests/tools/smtp-sink.js) on a free loopback port,
/// with a folder of its own. Each message it receives is kept byte for byte and read back with MimeKit.
/// All sinks of a test process are servers in one node process (<see cref="SmtpSinkHost"/>): starting
/// node for every test hub cost more than the server itself.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public int Port { get; }
    public string Folder { get; }

    private SmtpSink(int port, string folder) => (Port, Folder) = (port, folder);

    public static async Task<SmtpSink> StartAsync()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-mail");
        var port = await SmtpSinkHost.Shared.OpenAsync(folder);
        return new SmtpSink(port, folder);
    }

    /// <summary>From now on, each connection waits this long for the server's greeting (a slow relay).</summary>
    public Task SlowGreetingAsync(TimeSpan wait) =>
        SmtpSinkHost.Shared.TellAsync($"slow {Port} {(int)wait.TotalMilliseconds}");

    /// <summary>From now on, no connection is greeted: a sender that connects waits with nothing sent (see <see cref="HeldConnections"/>).</summary>
    public Task HoldNewConnectionsAsync() => SmtpSinkHost.Shared.TellAsync($"hold {Port}");

    /// <summary>How many connections the server holds since <see cref="HoldNewConnectionsAsync"/>.</summary>
    public int HeldConnections => Directory.EnumerateFiles(Folder, "*.held").Count();

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
        await SmtpSinkHost.Shared.CloseAsync(Port);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
