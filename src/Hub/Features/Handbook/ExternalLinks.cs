using System.Globalization;
using System.Text;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>
/// Links to other sites, written so that every reader accepts them. Authors paste addresses as their
/// browser shows them: a percent sign that starts no escape (<c>https://example.org/%Yr</c>), spaces,
/// brackets, a pipe. Browsers forgive these; an EPUB reader's checker (epubcheck RSC-005, RSC-020) and the
/// HTML checker do not, and one such link makes the whole book invalid. Each character that cannot stand
/// in an address is percent-encoded (a lone <c>%</c> becomes <c>%25</c>), so the link still leads where
/// the author pointed; an address with no usable host cannot be repaired and is left as text.
/// </summary>
public static class ExternalLinks
{
    /// <summary>Characters an address may hold as they are (RFC 3986's unreserved and reserved ones, but for the brackets, which only an IPv6 host may use).</summary>
    private const string Allowed = "-._~:/?#@!$&'()*+,;=";

    public static bool IsExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The address with every character that may not stand in it percent-encoded (a host in another script
    /// as punycode), or null when it has no host that could be reached.
    /// </summary>
    /// <param name="repaired">True when the address was broken, not merely written in Unicode: a lone percent sign, a space, a character no address may hold. The import reports those.</param>
    public static string? Escape(string href, out bool repaired)
    {
        repaired = false;
        href = href.Trim();
        var schemeEnd = href.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = href.StartsWith("//", StringComparison.Ordinal) ? 2 : schemeEnd > 0 ? schemeEnd + 3 : -1;
        var output = new StringBuilder(href.Length + 16);
        var rest = 0;
        if (authorityStart >= 0)
        {
            var authorityEnd = href.IndexOfAny(['/', '?', '#', '\\'], authorityStart);
            authorityEnd = authorityEnd < 0 ? href.Length : authorityEnd;
            var authority = Authority(href[authorityStart..authorityEnd]);
            if (authority is null)
            {
                return null;
            }
            output.Append(href, 0, authorityStart).Append(authority);
            rest = authorityEnd;
        }
        var seenHash = false;
        Span<byte> bytes = stackalloc byte[4];
        for (var i = rest; i < href.Length; i++)
        {
            var c = href[i];
            if (c == '%' && i + 2 < href.Length && char.IsAsciiHexDigit(href[i + 1]) && char.IsAsciiHexDigit(href[i + 2]))
            {
                output.Append(c);
                continue;
            }
            if (c == '#')
            {
                // Only the first # starts the fragment; any later one is part of it, and must be escaped.
                repaired |= seenHash;
                output.Append(seenHash ? "%23" : "#");
                seenHash = true;
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c) || Allowed.Contains(c))
            {
                output.Append(c);
                continue;
            }
            // Unicode is a fine address once encoded (browsers show it decoded); anything else was a mistake.
            repaired |= c < 0x80;
            var length = char.IsHighSurrogate(c) && i + 1 < href.Length && char.IsLowSurrogate(href[i + 1])
                ? Encoding.UTF8.GetBytes(href.AsSpan(i++, 2), bytes)
                : char.IsSurrogate(c) ? Encoding.UTF8.GetBytes("\uFFFD", bytes) : Encoding.UTF8.GetBytes(href.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                output.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        var result = output.ToString();
        var absolute = result.StartsWith("//", StringComparison.Ordinal) ? "https:" + result : result;
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri)
            || (uri.Scheme is "http" or "https" && uri.Host.Length == 0)
            || (uri.Scheme == "mailto" && result.Length <= "mailto:".Length))
        {
            return null;
        }
        return result;
    }

    /// <summary>userinfo@host:port with the host as ASCII (punycode), or null when the host is not one a browser could reach.</summary>
    private static string? Authority(string authority)
    {
        var at = authority.LastIndexOf('@');
        var userInfo = at >= 0 ? authority[..(at + 1)] : "";
        var hostAndPort = authority[(at + 1)..];
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']');
            return close > 0 && System.Net.IPAddress.TryParse(hostAndPort[1..close], out _) && PortIsValid(hostAndPort[(close + 1)..])
                ? EscapeUserInfo(userInfo) + hostAndPort : null;
        }
        var colon = hostAndPort.LastIndexOf(':');
        var host = colon >= 0 ? hostAndPort[..colon] : hostAndPort;
        var port = colon >= 0 ? hostAndPort[colon..] : "";
        if (host.Length == 0 || !PortIsValid(port))
        {
            return null;
        }
        if (!host.All(char.IsAscii))
        {
            try
            {
                host = new IdnMapping().GetAscii(host);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        // Letters, digits, hyphens, dots and underscores: anything else (a space, a percent sign) is no host name.
        return host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') ? EscapeUserInfo(userInfo) + host.ToLowerInvariant() + port : null;
    }

    private static bool PortIsValid(string port) => port.Length == 0 || (port[0] == ':' && port[1..].All(char.IsAsciiDigit) && port.Length <= 6);

    private static string EscapeUserInfo(string userInfo) =>
        userInfo.Length == 0 ? "" : Uri.EscapeDataString(Uri.UnescapeDataString(userInfo[..^1])).Replace("%3A", ":", StringComparison.Ordinal) + "@";
}
