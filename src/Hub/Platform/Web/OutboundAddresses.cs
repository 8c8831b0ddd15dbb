using System.Net;
using System.Net.Sockets;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Where the hub may connect when someone else chose the address (a webhook target). A server inside
/// a private network can reach what the internet cannot: itself on loopback, the router, a database,
/// a cloud's metadata service at 169.254.169.254 that hands out credentials. So such addresses are
/// refused unless an operator allows them, and the check is made on the address the connection is
/// actually opened to, after DNS: a name that resolves to a public address when it is saved and to
/// 127.0.0.1 when it is used ("DNS rebinding") is caught at the moment of use.
/// </summary>
public static class OutboundAddresses
{
    /// <summary>Whether the address is on the public internet: not loopback, private, link-local, shared, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] == 0                                // "this network"
                || b[0] == 10                                 // private
                || b[0] == 127                                // loopback
                || (b[0] == 100 && (b[1] & 0xC0) == 64)       // shared (carrier-grade NAT); some clouds keep metadata here
                || (b[0] == 169 && b[1] == 254)               // link-local, where cloud metadata services answer
                || (b[0] == 172 && (b[1] & 0xF0) == 16)       // private
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // protocol assignments, documentation
                || (b[0] == 192 && b[1] == 168)               // private
                || (b[0] == 198 && (b[1] & 0xFE) == 18)       // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) // documentation
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)  // documentation
                || b[0] >= 224);                              // multicast, reserved, broadcast
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            if (b[..12].IndexOfAnyExcept((byte)0) < 0)
            {
                return false; // ::, ::1 and the old IPv4-compatible form
            }
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC)
            {
                return false; // fe80::/10, fec0::/10, ff00::/8, unique local fc00::/7 (AWS metadata is fd00:ec2::254)
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
            {
                return IsPublic(new IPAddress(b[12..16])); // NAT64: judged by the IPv4 address inside
            }
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsPublic(new IPAddress(b[2..6])); // 6to4: likewise
            }
            return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8); // 2001:db8::/32, documentation
        }
        return false;
    }

    /// <summary>
    /// The first address of <paramref name="host"/> (a name or a literal address) that is not public;
    /// null when all are public, or when the name does not resolve now (delivery checks again).
    /// </summary>
    public static async Task<IPAddress?> FirstNonPublicAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return IsPublic(literal) ? null : literal;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            return (await Dns.GetHostAddressesAsync(host, timeout.Token)).FirstOrDefault(a => !IsPublic(a));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects
    /// only to public addresses, unless <paramref name="allowPrivate"/> says otherwise when the
    /// connection is opened; <paramref name="setting"/> names the setting that allows it, for the log.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> PublicOnly(Func<bool> allowPrivate, string setting) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (!allowPrivate())
            {
                var refused = addresses.FirstOrDefault(a => !IsPublic(a));
                addresses = addresses.Where(IsPublic).ToArray();
                if (addresses.Length == 0)
                {
                    throw new HttpRequestException(
                        $"{host} leads to {refused}, a local or private network address; the hub connects only to the public internet unless {setting} is set.");
                }
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
