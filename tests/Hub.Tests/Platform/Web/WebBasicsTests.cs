using System.Net;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Pages every visitor sees, read the same by every test: one hub for the class.</summary>
public sealed class WebBasicsTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private readonly HubFactory hub = shared.Hub;

    [Fact]
    public async Task AnyPage_HasSecurityHeadersAndACspWithoutInlineScript()
    {
        var response = await hub.NewClient().Http.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task AnyPage_HasNoInlineScriptOrStyle()
    {
        foreach (var path in new[] { "/", "/account/sign-up", "/account/sign-in", "/handbook", "/no-such-page" })
        {
            var (_, page) = await hub.NewClient().GetAsync(path);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"inline script on {path}"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task UnknownPage_Is404WithAFriendlyPageInTheLayout()
    {
        var (response, page) = await hub.NewClient().GetAsync("/congregations/none/at/all");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("can't find that page", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = hub.NewClient();
        await client.GetAsync("/account/sign-up"); // has the cookie, but not the form token
        var (response, page) = await client.PostAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Forger",
            ["Input.Email"] = "forger@test.example",
            ["Input.Password"] = "a perfectly fine passphrase",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not fit", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Healthz_WithDatabase_Answers200()
    {
        var response = await hub.NewClient().Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Layout_NavigationLeadsToEveryCapability()
    {
        var (_, page) = await hub.NewClient().GetAsync("/");
        var links = page.QuerySelectorAll("nav[aria-label=Main] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/handbook", "/practices", "/congregations", "/crews", "/gatherings", "/commons"], links);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
    }
}
