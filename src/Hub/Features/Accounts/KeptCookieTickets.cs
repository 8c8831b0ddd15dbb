using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// The sign-in cookie's ticket, decrypted once and kept for a minute on this node. Decrypting it (AES with a
/// key derived per cookie, and an HMAC) was about a tenth of every signed-in request's CPU, for the same few
/// cookies again and again. Only a cookie that decrypted is kept, under its exact text, so nothing a stranger
/// sends can fill the memory or be answered from it; each request gets its own copy of the ticket, because
/// the cookie handler changes it when it slides the expiry. What ends a session (signing out, "sign out
/// everywhere", a new password) is checked after this, on every request (<see cref="CheckSessionOnRequest"/>).
/// </summary>
public sealed class KeptCookieTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    private readonly KeptDecryptions<string, AuthenticationTicket> kept = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }
        if (kept.TryGet(protectedText, out var known))
        {
            return known.Clone();
        }
        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            kept.Keep(protectedText, ticket.Clone());
        }
        return ticket;
    }

    /// <summary>Wraps the sign-in cookie's format once the cookie handler's own set-up has made it.</summary>
    public sealed class Wrap : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not KeptCookieTickets and not null)
            {
                options.TicketDataFormat = new KeptCookieTickets(options.TicketDataFormat);
            }
        }
    }
}
