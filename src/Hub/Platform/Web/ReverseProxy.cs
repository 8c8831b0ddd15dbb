using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Which requests may speak for someone else, and which host names the hub answers to.
/// X-Forwarded-For/-Proto/-Host are taken only from the proxies listed under ReverseProxy:KnownProxies
/// and ReverseProxy:KnownNetworks. ASP.NET trusts loopback out of the box; the hub does not, because any
/// client that reaches the port directly (a local process, a container beside it) could then choose the
/// client address the rate limits count by. With Hub:PublicUrl set and AllowedHosts left at "*", the hub
/// answers only to the public host name and to loopback names (local health checks).
/// </summary>
public static class ReverseProxy
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((f, configuration) =>
        {
            f.KnownProxies.Clear();
            f.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the older list still holds 127.0.0.0/8 and is still consulted
            f.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                f.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies has '{proxy}', which is not an IP address (such as 127.0.0.1 or 10.0.0.5)."));
            }
            foreach (var network in configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            {
                f.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks has '{network}', which is not a network in CIDR form (such as 10.0.0.0/8)."));
            }
            // With both lists empty ASP.NET would take the headers from anyone: then none are read at all.
            f.ForwardedHeaders = f.KnownProxies.Count + f.KnownIPNetworks.Count == 0 ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (PublicHost(configuration) is { } host)
            {
                f.AllowedHosts = [host]; // a trusted proxy still may not forward some other name
            }
        });
        // Runs after ASP.NET's own reading of AllowedHosts; only its default "*" is narrowed.
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IConfiguration>((o, configuration) =>
        {
            if (o.AllowedHosts is ["*"] && PublicHost(configuration) is { } host)
            {
                o.AllowedHosts = [host, "localhost", "127.0.0.1", "[::1]"];
            }
        });
        return builder;
    }

    private static string? PublicHost(IConfiguration configuration) =>
        Uri.TryCreate(configuration[$"{HubOptions.Section}:{nameof(HubOptions.PublicUrl)}"], UriKind.Absolute, out var url) ? url.Host : null;

    /// <summary>
    /// A proxy on this machine that is not listed would make every visitor one client to the rate limits.
    /// Say so once, the first time a forwarded request from loopback is left as it came.
    /// </summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var warned = 0;
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey("X-Forwarded-For") && context.Connection.RemoteIpAddress is { } remote
                && IPAddress.IsLoopback(remote) && Interlocked.Exchange(ref warned, 1) == 0)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReverseProxy)).LogWarning(
                    "A request from {Address} carried X-Forwarded-For, which the hub ignored because {Address} is not in ReverseProxy:KnownProxies. " +
                    "If a proxy on this machine forwards to the hub, add {Address} there, or every visitor shares one client address.", remote, remote, remote);
            }
            return next(context);
        });
        return app;
    }
}
