using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Copies images that pages show from other sites into the handbook, when the operator allows it
/// (<c>Handbook:DownloadRemoteImages</c>, off by default): readers then load them from the hub, so no other
/// site learns who reads which page. Someone else chose these addresses, so the client connects only to
/// public internet addresses (<see cref="Platform.Web.OutboundAddresses"/>, checked on each connection,
/// after DNS), and takes only pictures (PNG, JPEG, GIF, WebP, by their first bytes) up to a size. Each
/// copy is kept by its address's hash, so a re-import does not fetch it again.
/// </summary>
public sealed class DownloadRemoteImages(IHttpClientFactory clients, IOptions<HandbookOptions> options, ILogger<DownloadRemoteImages> log)
{
    public const string ClientName = "handbook-images";

    /// <summary>The folder, among the handbook's published files, where the copies appear.</summary>
    public const string AssetFolder = "remote-images";

    private const int MaxImages = 500;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public async Task<Dictionary<string, RemoteImageCopy>> RunAsync(IReadOnlyList<string> urls, string cacheFolder, IProgress<ImportProgress>? progress, CancellationToken cancel)
    {
        var result = new Dictionary<string, RemoteImageCopy>(StringComparer.Ordinal);
        Directory.CreateDirectory(cacheFolder);
        var client = clients.CreateClient(ClientName);
        progress?.Report(new($"Downloading {urls.Count} images from other sites"));
        await Parallel.ForEachAsync(urls.Take(MaxImages), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel }, async (url, token) =>
        {
            var copy = await CopyAsync(client, url, cacheFolder, token);
            lock (result)
            {
                result[url] = copy;
            }
        });
        foreach (var url in urls.Skip(MaxImages))
        {
            result[url] = new(null, null, $"only the first {MaxImages} images from other sites are copied");
        }
        return result;
    }

    private async Task<RemoteImageCopy> CopyAsync(HttpClient client, string url, string cacheFolder, CancellationToken cancel)
    {
        var address = ExternalLinks.Escape(url, out _);
        address = address is not null && address.StartsWith("//", StringComparison.Ordinal) ? "https:" + address : address;
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new(null, null, "not an address the hub can download from");
        }
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uri.AbsoluteUri)))[..24];
        if (Directory.EnumerateFiles(cacheFolder, key + ".*").FirstOrDefault() is { } cached)
        {
            return Copy(cached);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("image/png, image/jpeg, image/gif, image/webp");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new(null, null, $"the server answered {(int)response.StatusCode}");
            }
            var limit = options.Value.MaxRemoteImageBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                return new(null, null, $"larger than {limit / 1024 / 1024} MB");
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return new(null, null, $"larger than {limit / 1024 / 1024} MB");
                }
                buffer.Write(chunk, 0, read);
            }
            var bytes = buffer.ToArray();
            if (Extension(bytes) is not { } extension)
            {
                return new(null, null, "not a PNG, JPEG, GIF or WebP picture");
            }
            var target = Path.Combine(cacheFolder, key + extension);
            var partial = target + ".partial";
            await File.WriteAllBytesAsync(partial, bytes, cancel);
            File.Move(partial, target, overwrite: true);
            return Copy(target);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new(null, null, $"no answer within {Timeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException e)
        {
            // The connect callback's refusal of a private address says which setting allows it.
            log.LogInformation("Could not download the handbook image {Url}: {Reason}", url, e.Message);
            return new(null, null, e.InnerException is System.Net.Sockets.SocketException socket ? socket.Message : e.Message);
        }
    }

    private static RemoteImageCopy Copy(string file) => new($"{AssetFolder}/{Path.GetFileName(file)}", file, null);

    /// <summary>The picture's type by its first bytes, whatever the server called it.</summary>
    private static string? Extension(byte[] bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => ".png",
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x47, 0x49, 0x46, 0x38, ..] => ".gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ".webp",
        _ => null,
    };

    /// <summary>Settings of the download client: no cookies, no proxy (the address check would see the proxy), a few redirects, each connection checked.</summary>
    internal static SocketsHttpHandler Handler(IServiceProvider services) => new()
    {
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 3,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = Platform.Web.OutboundAddresses.PublicOnly(
            () => services.GetRequiredService<IOptions<HandbookOptions>>().Value.AllowPrivateImageHosts,
            $"{HandbookOptions.Section}:{nameof(HandbookOptions.AllowPrivateImageHosts)}"),
    };
}
