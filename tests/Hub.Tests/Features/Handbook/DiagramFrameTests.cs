namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class DiagramFrameTests
{
    [Fact]
    public async Task Get_DiagramFrame_AllowsInlineStyleThereOnlyAndOnlyInsideTheHub()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var client = hub.NewClient().Http;

        var frame = await client.GetAsync("/handbook-diagram-frame");
        var policy = frame.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Equal("SAMEORIGIN", frame.Headers.GetValues("X-Frame-Options").Single());
        var html = await frame.Content.ReadAsStringAsync();
        Assert.Contains("/lib/mermaid/mermaid.min.js", html);
        Assert.DoesNotContain("<style", html);

        // Every other page keeps the strict policy, and may frame the hub's own diagram frame.
        var page = await client.GetAsync("/handbook");
        var strict = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self';", strict);
        Assert.DoesNotContain("unsafe-inline", strict);
        Assert.Contains("frame-src 'self' ", strict);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/lib/mermaid/mermaid.min.js")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/lib/katex/katex.min.js")).StatusCode);
    }
}
