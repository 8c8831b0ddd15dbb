using Microsoft.AspNetCore.WebUtilities;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Absolute links with a query string for emails (confirmations, resets), on the hub's one address.</summary>
public sealed class AccountLinks(PublicAddress address)
{
    public string Absolute(string path, IDictionary<string, string?> query) => QueryHelpers.AddQueryString(address.Base + path, query);

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
