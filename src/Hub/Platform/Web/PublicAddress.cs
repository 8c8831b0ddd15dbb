using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The hub's absolute address, for links in email that background jobs send (digests, reminders)
/// where no request is at hand: Hub:PublicUrl when set, else the current request's address, else
/// the address the server listens on. Operators should set Hub:PublicUrl; the rest keeps a fresh
/// install working.
/// </summary>
public sealed class PublicAddress(IOptions<HubOptions> hub, IHttpContextAccessor http, IServer server)
{
    public string Base
    {
        get
        {
            if (hub.Value.PublicUrl is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }
            if (http.HttpContext?.Request is { } request)
            {
                return $"{request.Scheme}://{request.Host}{request.PathBase}";
            }
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return (listening ?? "http://localhost:5000").Replace("://+", "://localhost").Replace("://*", "://localhost")
                .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").TrimEnd('/');
        }
    }

    /// <summary>A hub path ("/crews/…") made absolute; absolute addresses pass through.</summary>
    public string Absolute(string pathOrUrl) => pathOrUrl.StartsWith('/') ? Base + pathOrUrl : pathOrUrl;
}
