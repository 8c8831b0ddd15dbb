using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Absolute links for emails, from Hub:PublicUrl when set, else from the current request.</summary>
public sealed class AccountLinks(IHttpContextAccessor http, IOptions<HubOptions> hub)
{
    public string Absolute(string path, IDictionary<string, string?> query)
    {
        var baseUrl = hub.Value.PublicUrl?.TrimEnd('/');
        if (string.IsNullOrEmpty(baseUrl))
        {
            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("Set Hub:PublicUrl to build links outside a web request.");
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return QueryHelpers.AddQueryString(baseUrl + path, query);
    }

    /// <summary>Identity tokens contain '+' and '/'; links carry them base64url-encoded.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
