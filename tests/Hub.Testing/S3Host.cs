using System.Diagnostics;

namespace Microsolidarity.Hub.Testing;

/// <summary>
/// A real S3-compatible object store (the npm package s3rver, tests/tools/s3-server.js) on a free loopback
/// port, keeping its objects in a temporary folder, with its buckets made before it answers. It refuses an
/// access key other than the one below (it does not check SigV4 signatures themselves). A child of the test
/// process, stopped on dispose (and when the test process ends, as its standard input closes).
/// ./test.sh installs it with npm ci --prefix tests/tools.
/// </summary>
public sealed class S3Host : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process process;
    private readonly string folder;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();

    public int Port { get; private set; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The folder s3rver keeps the objects in (one folder per bucket).</summary>
    public string Folder => folder;

    private S3Host(Process process, string folder) => (this.process, this.folder) = (process, folder);

    public static async Task<S3Host> StartAsync(params string[] buckets)
    {
        var script = Path.Combine(TestPaths.ToolsDirectory, "s3-server.js");
        if (!Directory.Exists(Path.Combine(TestPaths.ToolsDirectory, "node_modules", "s3rver")))
        {
            throw new InvalidOperationException("The test object store (s3rver) is not installed. Run ./test.sh, or: npm ci --prefix tests/tools");
        }
        var folder = TestPaths.NewTemporaryDirectory("hub-s3");
        // s3rver makes listing continuation tokens with a cipher OpenSSL 3 keeps only in its legacy provider: without
        // it, any listing with more objects than fit in one page answers 500.
        var start = new ProcessStartInfo("node", ["--openssl-legacy-provider", script, "--port", "0", "--dir", folder, "--buckets", string.Join(',', buckets.Length == 0 ? ["hub"] : buckets)])
        {
            RedirectStandardInput = true,
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
            throw new InvalidOperationException("Node.js is needed for the test object store. Install it: apt-get install nodejs npm", e);
        }
        var host = new S3Host(process, folder);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && host.errors.Count < 200)
            {
                host.errors.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            // Port 0: the server takes a free port itself and says which, so no other process can take it in between.
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The test object store did not start: {line} {string.Join('\n', host.errors)}");
            }
            host.Port = int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>The hub's settings for this store and <paramref name="bucket"/>.</summary>
    public Dictionary<string, string?> Settings(string bucket = "hub") => new()
    {
        ["Files:Store"] = "S3",
        ["Files:S3:ServiceUrl"] = ServiceUrl,
        ["Files:S3:Bucket"] = bucket,
        ["Files:S3:AccessKey"] = AccessKey,
        ["Files:S3:SecretKey"] = SecretKey,
        ["Files:S3:ForcePathStyle"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close(); // the server closes and exits
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
