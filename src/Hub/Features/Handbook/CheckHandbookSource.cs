using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Decides, before anything is read or fetched, whether a source may be imported: everything the import
/// copies becomes public at /handbook-files/, so it must never read the hub's own data folder (people's
/// photos, the mail with live links) or reach into the server's private network for someone.
/// Every import runs this, whoever starts it; the admin page runs it first to answer beside the field.
/// </summary>
public sealed class CheckHandbookSource(IOptions<HubOptions> hub, IOptions<HandbookOptions> options)
{
    public abstract record Result;

    /// <summary>A folder of the server, as its real path (symbolic links resolved).</summary>
    public sealed record Folder(string Path) : Result;

    /// <param name="Resolve">
    /// The addresses that were checked, as curl's resolve entries (<c>host:port:address</c>): git is told to
    /// connect to these, so a second DNS answer cannot send it somewhere private after the check.
    /// </param>
    public sealed record Git(string Url, IReadOnlyList<string> Resolve) : Result;

    public sealed record Refused(string Message) : Result;

    /// <param name="fromWeb">Started on the admin page (or by its schedule): folders only under Handbook:AllowedFolders.</param>
    public async Task<Result> RunAsync(string source, bool fromWeb, CancellationToken cancel = default) =>
        FetchHandbookSource.IsGitUrl(source) ? await CheckGitAsync(source, cancel) : CheckFolder(source, fromWeb);

    private Result CheckFolder(string source, bool fromWeb)
    {
        var folder = HandbookPaths.RealPath(source);
        if (DataFolderProblem(folder) is { } problem)
        {
            return new Refused(problem);
        }
        if (fromWeb)
        {
            var allowed = options.Value.AllowedFolders.Where(a => a.Trim().Length > 0).Select(a => a.Trim()).ToList();
            if (!allowed.Any(a => HandbookPaths.IsSameOrInside(folder, HandbookPaths.RealPath(a))))
            {
                return new Refused(allowed.Count == 0
                    ? "This page imports from git URLs only: no folder of the server is open to it (the setting Handbook:AllowedFolders is empty). Give a git URL, or ask whoever runs the server to import the folder with the command hub handbook import."
                    : $"This page imports only folders under {string.Join(" or ", allowed)} (the setting Handbook:AllowedFolders). Give a folder there, or a git URL.");
            }
        }
        if (!Directory.Exists(folder))
        {
            return new Refused($"There is no folder at '{source}' on the server. Give the full path of a folder the hub can read, or a git URL.");
        }
        return new Folder(folder);
    }

    /// <summary>Why this folder can never be imported (it is, holds or lies inside the data folder), or null.</summary>
    public string? DataFolderProblem(string realFolder)
    {
        var data = HandbookPaths.RealPath(hub.Value.DataDirectoryFullPath);
        return HandbookPaths.IsSameOrInside(realFolder, data) || HandbookPaths.IsSameOrInside(data, realFolder)
            ? $"'{realFolder}' is the hub's data folder, holds it or lies inside it: it is never imported, because everything imported is public and the data folder holds people's photos and mail. Give the folder of the handbook itself."
            : null;
    }

    private async Task<Result> CheckGitAsync(string source, CancellationToken cancel)
    {
        var allowPrivate = options.Value.AllowPrivateGitHosts;
        var allowSsh = options.Value.AllowSshGitUrls;
        var httpsOnly = allowSsh
            ? "Give an https:// (or ssh://) git URL, such as https://github.com/your-group/handbook.git."
            : "Give an https:// git URL, such as https://github.com/your-group/handbook.git.";
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || !source.Contains("://", StringComparison.Ordinal))
        {
            // git@host:path is ssh in scp's shorthand; the full form says which host is reached.
            return new Refused(source.StartsWith("git@", StringComparison.Ordinal) && allowSsh
                ? $"Write this address in full, as ssh://{source[..source.IndexOf(':', StringComparison.Ordinal)]}/{source[(source.IndexOf(':', StringComparison.Ordinal) + 1)..]}."
                : $"'{source}' is not a git URL the hub fetches. {httpsOnly}");
        }
        switch (url.Scheme)
        {
            case "https":
            case "ssh" when allowSsh:
                break;
            case "ssh":
                return new Refused($"ssh:// git URLs are off on this hub (the setting Handbook:AllowSshGitUrls). {httpsOnly}");
            case "http" when allowPrivate:
                break;
            case "file" when allowPrivate:
                return DataFolderProblem(HandbookPaths.RealPath(url.LocalPath)) is { } problem ? new Refused(problem) : new Git(source, []);
            default:
                return new Refused($"The hub fetches handbooks over https:// only, never {url.Scheme}://. {httpsOnly}");
        }
        if (url.IdnHost.Length == 0)
        {
            return new Refused($"'{source}' names no host. {httpsOnly}");
        }
        IPAddress[] addresses;
        var host = url.IdnHost.Trim('[', ']');
        var literal = IPAddress.TryParse(host, out var given);
        try
        {
            addresses = literal ? [given!] : await Dns.GetHostAddressesAsync(host, cancel);
        }
        catch (SocketException)
        {
            return new Refused($"The host '{url.Host}' could not be found: check the address.");
        }
        if (addresses.Length == 0)
        {
            return new Refused($"The host '{url.Host}' could not be found: check the address.");
        }
        if (!allowPrivate && addresses.FirstOrDefault(a => !OutboundAddresses.IsPublic(a)) is { } inside)
        {
            return new Refused($"'{url.Host}' is at {inside}, an address of this server or a private network: the hub fetches handbooks only from public git hosts (the setting Handbook:AllowPrivateGitHosts changes this).");
        }
        if (literal || url.Scheme is not ("https" or "http"))
        {
            return new Git(source, []);
        }
        return new Git(source, [$"{host}:{url.Port}:" + string.Join(',', addresses.Select(a => a.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString()))]);
    }
}
