using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Headers only, and one podcast episode of its own: the tests share one hub.</summary>
public sealed class SecurityHeadersTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private readonly HubFactory hub = shared.Hub;

    /// <summary>The in-process server takes the scheme from the client's address: this client's requests arrive as HTTPS.</summary>
    private FormClient HttpsClient() => new(hub.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    [Fact]
    public async Task AnyResponse_OverHttps_HasStrictTransportSecurity()
    {
        foreach (var path in new[] { "/", "/account/sign-in", "/no-such-page", "/css/site.css" })
        {
            var response = await HttpsClient().Http.GetAsync(path);
            Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        }
        Assert.False((await hub.NewClient().Http.GetAsync("/")).Headers.Contains("Strict-Transport-Security")); // browsers ignore it over http
    }

    [Fact]
    public async Task AntiforgeryCookie_OverHttps_IsSecure()
    {
        var response = await HttpsClient().Http.GetAsync("/account/sign-in");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hub.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryKindOfResponse_HasExactlyOneXFrameOptionsDeny()
    {
        var client = hub.NewClient();
        foreach (var path in new[] { "/", "/account/sign-in", "/account/sign-up", "/account/forgot-password", "/no-such-page", "/css/site.css", "/healthz", "/sitemap.xml", "/podcast.xml" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var values), path);
            Assert.Equal(["DENY"], values!.ToList());
        }
        var (refused, _) = await client.PostAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "x@test.example" }); // no token: 400 page
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["DENY"], refused.Headers.GetValues("X-Frame-Options").ToList());
    }

    [Fact]
    public async Task PodcastEpisode_WithExternalAudio_MediaSrcAllowsItsHostAlone()
    {
        var producer = Unique.Email("producer");
        await hub.CreatePersonAsync(producer, "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync(producer, "keeper of keys");
        var (published, _) = await admin.SubmitAsync("/podcast/new", new Dictionary<string, string>
        {
            ["Title"] = "Hosted elsewhere",
            ["Duration"] = "1:02:03",
            ["AudioUrl"] = "https://cdn.example:8443/shows/hosted.mp3",
            ["AudioLength"] = "123456",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var episode = await hub.NewClient().Http.GetAsync(published.Headers.Location!.OriginalString);
        var directives = Directives(episode.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("'self' https://cdn.example:8443", directives["media-src"]);
        Assert.Equal("'self'", directives["script-src"]); // the rest of the policy is the hub's own

        var home = Directives((await hub.NewClient().Http.GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("'self'", home["media-src"]);
    }

    private static Dictionary<string, string> Directives(string policy) => policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
