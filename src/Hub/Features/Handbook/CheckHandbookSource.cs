using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Decides, before anything is read or fetched, whether a source may be imported: everything the import
/// copies becomes public at /handbook-files/, so it must never read the hub's own data folder (people's
/// photos, the mail with live links) or reach into the server's private network for someone.
/// Every import runs this, whoever starts it; the admin page runs it first to answer beside the field, in its reader's
/// language (an import's report is written in English: <see cref="HandbookImportRunner"/>).
/// </summary>
public sealed class CheckHandbookSource(IOptions<HubOptions> hub, IOptions<HandbookOptions> options, IStringLocalizer<Strings> strings)
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
                    ? strings["Handbook.Refused.NoFolders"]
                    : strings["Handbook.Refused.OnlyFolders", string.Join(strings["Handbook.Admin.Or"], allowed)]);
            }
        }
        if (!Directory.Exists(folder))
        {
            return new Refused(strings["Handbook.Refused.NoFolder", source]);
        }
        return new Folder(folder);
    }

    /// <summary>Why this folder can never be imported (it is, holds or lies inside the data folder), or null.</summary>
    public string? DataFolderProblem(string realFolder) =>
        TouchesDataFolder(realFolder, hub.Value.DataDirectoryFullPath) ? strings["Handbook.Refused.DataFolder", realFolder].Value : null;

    private static bool TouchesDataFolder(string realFolder, string dataDirectory)
    {
        var data = HandbookPaths.RealPath(dataDirectory);
        return HandbookPaths.IsSameOrInside(realFolder, data) || HandbookPaths.IsSameOrInside(data, realFolder);
    }

    /// <summary>
    /// The real path of a folder that the command line may read ahead, before the import's own check (the same
    /// tests as <see cref="RunAsync"/> makes of a folder given on the command line), or null. It needs only the data
    /// folder's path, so reading can start before anything else is set up; the import checks again and reports.
    /// </summary>
    public static string? FolderToReadAhead(string source, string dataDirectory)
    {
        var folder = HandbookPaths.RealPath(source);
        return !TouchesDataFolder(folder, dataDirectory) && Directory.Exists(folder) ? folder : null;
    }

    private async Task<Result> CheckGitAsync(string source, CancellationToken cancel)
    {
        var allowPrivate = options.Value.AllowPrivateGitHosts;
        var allowSsh = options.Value.AllowSshGitUrls;
        string httpsOnly = strings[allowSsh ? "Handbook.Refused.HttpsOrSsh" : "Handbook.Refused.HttpsOnly"];
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || !source.Contains("://", StringComparison.Ordinal))
        {
            // git@host:path is ssh in scp's shorthand; the full form says which host is reached.
            return new Refused(source.StartsWith("git@", StringComparison.Ordinal) && allowSsh
                ? strings["Handbook.Refused.InFull", $"ssh://{source[..source.IndexOf(':', StringComparison.Ordinal)]}/{source[(source.IndexOf(':', StringComparison.Ordinal) + 1)..]}"]
                : strings["Handbook.Refused.NotGit", source, httpsOnly]);
        }
        switch (url.Scheme)
        {
            case "https":
            case "ssh" when allowSsh:
                break;
            case "ssh":
                return new Refused(strings["Handbook.Refused.SshOff", httpsOnly]);
            case "http" when allowPrivate:
                break;
            case "file" when allowPrivate:
                return DataFolderProblem(HandbookPaths.RealPath(url.LocalPath)) is { } problem ? new Refused(problem) : new Git(source, []);
            default:
                return new Refused(strings["Handbook.Refused.Scheme", url.Scheme, httpsOnly]);
        }
        if (url.IdnHost.Length == 0)
        {
            return new Refused(strings["Handbook.Refused.NoHost", source, httpsOnly]);
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
            return new Refused(strings["Handbook.Refused.HostNotFound", url.Host]);
        }
        if (addresses.Length == 0)
        {
            return new Refused(strings["Handbook.Refused.HostNotFound", url.Host]);
        }
        if (!allowPrivate && addresses.FirstOrDefault(a => !OutboundAddresses.IsPublic(a)) is { } inside)
        {
            return new Refused(strings["Handbook.Refused.PrivateHost", url.Host, inside.ToString()]);
        }
        if (literal || url.Scheme is not ("https" or "http"))
        {
            return new Git(source, []);
        }
        return new Git(source, [$"{host}:{url.Port}:" + string.Join(',', addresses.Select(a => a.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString()))]);
    }
}
