using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The hub's absolute address, for every link that leaves a page: emails, feeds, calendar files,
/// announcements, payment return addresses. Hub:PublicUrl when set, else the address the server
/// listens on. Never the request's Host or X-Forwarded-Host: those are written by whoever sends the
/// request, and a link built from them (a password reset, say) would carry its secret to the
/// sender's own server. Operators should set Hub:PublicUrl; <see cref="PublicAddressNotice"/> says so at start.
/// </summary>
public sealed class PublicAddress(IOptions<HubOptions> hub, IServer server)
{
    public bool IsConfigured => hub.Value.PublicUrl is { Length: > 0 };

    public string Base => hub.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : Listening;

    /// <summary>
    /// Where Kestrel listens (https first), with a wildcard host read as localhost. Known once the server
    /// has started; before that (and in a host without addresses) the default Kestrel address.
    /// </summary>
    public string Listening
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var listening = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
            return (listening ?? "http://localhost:5000").Replace("://+", "://localhost").Replace("://*", "://localhost")
                .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").TrimEnd('/');
        }
    }

    /// <summary>A hub path ("/crews/…") made absolute; absolute addresses pass through.</summary>
    public string Absolute(string pathOrUrl) => pathOrUrl.StartsWith('/') ? Base + pathOrUrl : pathOrUrl;
}

/// <summary>Says once, when the hub has started listening, that links point at the listening address until Hub:PublicUrl is set.</summary>
internal sealed class PublicAddressNotice(PublicAddress address, IHostApplicationLifetime lifetime, ILogger<PublicAddressNotice> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!address.IsConfigured)
        {
            lifetime.ApplicationStarted.Register(() => log.LogWarning(
                "Hub:PublicUrl is not set, so links in emails and feeds point at {Address}, where this hub listens. " +
                "Set Hub:PublicUrl to the address people reach the hub at (for example https://hub.example.org).", address.Listening));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
