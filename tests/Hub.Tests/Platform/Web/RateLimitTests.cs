using System.Net;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// The account-form limit counts per client address, and a client chooses its own X-Forwarded-For:
/// only a configured proxy's word is taken. Real Kestrel, so requests come from 127.0.0.1, the
/// address ASP.NET would trust by default.
/// </summary>
public sealed class RateLimitTests
{
    /// <summary>An hour: however slowly the machine runs, the window cannot end between a test's requests.</summary>
    private const string Window = "01:00:00";

    private static readonly Dictionary<string, string> Forgot = new() { ["Email"] = "nobody@test.example" };

    [Fact]
    public async Task AccountForms_ForgedForwardedForFromLoopback_GetsNoFreshAllowance()
    {
        await using var hub = await HubFactory.StartAsync(s => (s["RateLimits:AccountFormsPerMinute"], s["RateLimits:AccountFormsWindow"]) = ("1", Window), smtp: false, kestrel: true);
        var client = hub.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);

        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var (forged, _) = await client.SubmitAsync("/account/forgot-password", Forgot);

        Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode);
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "127.0.0.1")]
    [InlineData("ReverseProxy:KnownNetworks:0", "127.0.0.0/8")]
    public async Task AccountForms_BehindAConfiguredProxy_CountEachForwardedClientApart(string setting, string proxy)
    {
        await using var hub = await HubFactory.StartAsync(s => (s["RateLimits:AccountFormsPerMinute"], s["RateLimits:AccountFormsWindow"], s[setting]) = ("1", Window, proxy), smtp: false, kestrel: true);
        var first = hub.NewClient();
        first.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var second = hub.NewClient();
        second.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");

        Assert.Equal(HttpStatusCode.OK, (await first.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
    }

    [Fact]
    public async Task AccountForms_IPv6Clients_CountByTheirSlash64()
    {
        await using var hub = await HubFactory.StartAsync(s => (s["RateLimits:AccountFormsPerMinute"], s["RateLimits:AccountFormsWindow"], s["ReverseProxy:KnownProxies:0"]) = ("1", Window, "127.0.0.1"),
            smtp: false, kestrel: true);
        var first = hub.NewClient();
        first.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:1:2::1");
        var sameNetwork = hub.NewClient();
        sameNetwork.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:1:2:ffff::9");
        var otherNetwork = hub.NewClient();
        otherNetwork.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:1:3::1");

        Assert.Equal(HttpStatusCode.OK, (await first.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameNetwork.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherNetwork.SubmitAsync("/account/forgot-password", Forgot)).Response.StatusCode);
    }
}
