using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Features.Accounts;

namespace Microsolidarity.Hub.Tests.Features.Accounts;

/// <summary>The sign-in cookie decrypted once and kept: the same ticket, never the same object, and nothing kept that did not decrypt.</summary>
public sealed class KeptCookieTicketsTests
{
    /// <summary>A format that counts how often it was asked to decrypt, and knows one cookie.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => "good";

        public string Protect(AuthenticationTicket data, string? purpose) => "good";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return protectedText == "good"
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Ada")], "test")),
                    new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UnixEpoch }, "test")
                : null;
        }
    }

    [Fact]
    public void Unprotect_SameCookieTwice_DecryptsOnceAndHandsOutCopies()
    {
        var inner = new CountingFormat();
        var kept = new KeptCookieTickets(inner);

        var first = kept.Unprotect("good")!;
        first.Properties.ExpiresUtc = DateTimeOffset.MaxValue; // as the cookie handler does when it slides the expiry
        var second = kept.Unprotect("good")!;

        Assert.Equal(1, inner.Unprotected);
        Assert.NotSame(first, second);
        Assert.Equal(DateTimeOffset.UnixEpoch, second.Properties.ExpiresUtc);
        Assert.Equal("Ada", second.Principal.Identity!.Name);
    }

    [Fact]
    public void Unprotect_CookieThatDoesNotDecrypt_IsAskedEveryTime()
    {
        var inner = new CountingFormat();
        var kept = new KeptCookieTickets(inner);

        Assert.Null(kept.Unprotect("forged"));
        Assert.Null(kept.Unprotect("forged"));
        Assert.Equal(2, inner.Unprotected);
    }

    [Fact]
    public async Task Hub_SignInCookie_GoesThroughTheKeptFormat()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var options = hub.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<KeptCookieTickets>(options.TicketDataFormat);
    }
}
