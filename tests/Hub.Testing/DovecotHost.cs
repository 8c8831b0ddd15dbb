using System.Diagnostics;
using System.Net.Sockets;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// A real IMAP server (Dovecot) on a free loopback port, for the mailbox that replies by email come back to. It runs
/// from a temporary folder with its own minimal configuration (one user, plain-text sign-in, maildir), as a child
/// of the test process, and is killed on dispose. Start one per test class: a start costs well under a second.
/// ./test.sh installs it (apt-get install dovecot-imapd).
/// </summary>
public sealed class DovecotHost : IAsyncDisposable
{
    public const string User = "replies";
    public const string Password = "mailbox secret";

    private readonly Process process;
    private readonly string folder;

    public int Port { get; }

    private DovecotHost(Process process, string folder, int port) => (this.process, this.folder, Port) = (process, folder, port);

    public static async Task<DovecotHost> StartAsync()
    {
        var binary = new[] { "/usr/sbin/dovecot", "/usr/local/sbin/dovecot" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Dovecot is needed for the inbound mailbox tests. Run ./test.sh, or: apt-get install dovecot-imapd");
        // A short path: Dovecot's sockets live in base_dir, and a socket's path may have at most 107 bytes.
        var folder = Directory.CreateTempSubdirectory("hub-imap-").FullName;
        foreach (var sub in new[] { "run", "state", "mail" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }
        var (uid, gid) = CurrentIds();
        var root = uid == 0;
        string internalUser, loginUser;
        if (root && !OperatingSystem.IsWindows())
        {
            // As root, Dovecot drops to its own users (made by the package) and will not give mail to root: the mail
            // belongs to nobody, in a folder anyone may write.
            (internalUser, loginUser, uid, gid) = ("dovecot", "dovenull", 65534, 65534);
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(folder, "mail"), (UnixFileMode)0b111_111_111);
        }
        else
        {
            internalUser = loginUser = Environment.UserName;
        }
        var port = FreePort.Next();
        var passwd = Path.Combine(folder, "passwd");
        await File.WriteAllTextAsync(passwd, $"{User}:{{PLAIN}}{Password}:{uid}:{gid}::{Path.Combine(folder, "mail", User)}\n");
        var config = Path.Combine(folder, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            listen = 127.0.0.1
            protocols = imap
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:{{folder}}/mail/%u
            namespace inbox {
              inbox = yes
              separator = /
            }
            passdb {
              driver = passwd-file
              args = {{passwd}}
            }
            userdb {
              driver = passwd-file
              args = {{passwd}}
            }
            service imap-login {
              inet_listener imap {
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);
        var start = new ProcessStartInfo(binary, ["-F", "-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new DovecotHost(process, folder, port);
        try
        {
            await host.WaitUntilListeningAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Dovecot stopped at start (exit {process.ExitCode}): {Log()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    /// <summary>The server's log, for a failure's message.</summary>
    public string Log()
    {
        var path = Path.Combine(folder, "dovecot.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    private static (int Uid, int Gid) CurrentIds()
    {
        static int Read(string[] lines, string field) =>
            int.Parse(lines.First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Split('\t', StringSplitOptions.RemoveEmptyEntries)[0]);
        var status = File.ReadAllLines("/proc/self/status");
        return (Read(status, "Uid:"), Read(status, "Gid:"));
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return ValueTask.CompletedTask;
    }
}
