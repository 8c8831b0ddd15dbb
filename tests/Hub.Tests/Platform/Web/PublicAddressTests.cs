using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// Emailed links carry secrets (a reset token) or lead people to act, so their host is never taken
/// from the request: a forged Host or X-Forwarded-Host must not turn up in anyone's inbox. These run
/// on real Kestrel so the Host header arrives as the client wrote it and the hub has a listening address.
/// </summary>
public sealed class PublicAddressTests
{
    private const string Attacker = "attacker.example";

    [Fact]
    public async Task ForgotPassword_ForgedHost_EmailLinksToTheListeningAddress()
    {
        await using var hub = await HubFactory.StartAsync(kestrel: true);
        await hub.CreatePersonAsync("victim@test.example", "the old passphrase");
        var client = hub.NewClient();
        client.Http.DefaultRequestHeaders.Host = Attacker;

        var (sent, _) = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "victim@test.example" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("victim@test.example", "Reset your password"), "/account/reset-password"));
        Assert.Equal(Listening(hub), link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task ForgotPassword_ForgedForwardedHost_EmailLinksToTheListeningAddress()
    {
        await using var hub = await HubFactory.StartAsync(kestrel: true);
        await hub.CreatePersonAsync("victim@test.example", "the old passphrase");
        var client = hub.NewClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Attacker);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "victim@test.example" });

        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("victim@test.example", "Reset your password"), "/account/reset-password"));
        Assert.Equal(Listening(hub), link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task ForgotPassword_PublicUrlSetAndForgedForwardedHost_EmailLinksToThePublicUrl()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:PublicUrl"] = "https://hub.test.example", kestrel: true);
        await hub.CreatePersonAsync("victim@test.example", "the old passphrase");
        var client = hub.NewClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Attacker);

        await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "victim@test.example" });

        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("victim@test.example", "Reset your password"), "/account/reset-password"));
        Assert.Equal("https://hub.test.example", link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task ProposeDyad_SignedInWithForgedHost_NoticeLinksToTheListeningAddress()
    {
        await using var hub = await HubFactory.StartAsync(kestrel: true);
        await hub.CreatePersonAsync("una@test.example", "lanterns and moths", name: "Una");
        await hub.CreatePersonAsync("vic@test.example", "lanterns and moths", name: "Vic");
        var una = await hub.SignedInClientAsync("una@test.example", "lanterns and moths");
        una.Http.DefaultRequestHeaders.Host = Attacker;

        var (proposed, _) = await una.SubmitAsync("/dyads/new", new Dictionary<string, string>
        {
            ["PartnerEmail"] = "vic@test.example",
            ["Kind"] = "Accountability",
            ["Weeks"] = "6",
        });

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var link = new Uri(SmtpSink.LinkIn(await hub.Smtp!.WaitForAsync("vic@test.example", "proposes a dyad"), "/dyads/"));
        Assert.Equal(Listening(hub), link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task AllowedHosts_DefaultWithPublicUrl_RefusesOtherHostsAndKeepsLoopback()
    {
        await using var hub = await HubFactory.StartAsync(s => s["Hub:PublicUrl"] = "https://hub.test.example", smtp: false, kestrel: true);
        var client = hub.NewClient().Http;

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Healthz(Attacker))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Healthz("hub.test.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Healthz(null))).StatusCode); // 127.0.0.1:port, as a local health check asks
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Healthz("localhost"))).StatusCode);
    }

    [Fact]
    public async Task AllowedHosts_SetByTheOperator_IsKeptAsItIs()
    {
        await using var hub = await HubFactory.StartAsync(s => (s["Hub:PublicUrl"], s["AllowedHosts"]) = ("https://hub.test.example", "hub.test.example;health.internal"),
            smtp: false, kestrel: true);
        var client = hub.NewClient().Http;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Healthz("health.internal"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Healthz(Attacker))).StatusCode);
    }

    private static HttpRequestMessage Healthz(string? host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;
        return request;
    }

    private static string Listening(HubFactory hub) => hub.Address.GetLeftPart(UriPartial.Authority);
}
