using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Features.Updates;

/// <summary>The hub's absolute address: Hub:PublicUrl when set, else the current request's.</summary>
public sealed class UpdatesLinks(IHttpContextAccessor http, IOptions<HubOptions> hub)
{
    public string BaseUrl
    {
        get
        {
            var configured = hub.Value.PublicUrl?.TrimEnd('/');
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }
            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("Set Hub:PublicUrl to build links outside a web request.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => path.StartsWith("http", StringComparison.Ordinal) ? path : BaseUrl + path;
}
