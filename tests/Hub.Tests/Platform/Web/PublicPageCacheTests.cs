using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>Visitors share cached copies of the directory and public pages; signed-in people never do, and changes evict them.</summary>
public sealed class PublicPageCacheTests : IAsyncLifetime
{
    private HubFactory hub = null!;

    public async Task InitializeAsync() => hub = await HubFactory.StartAsync(s => s["Web:PublicCacheSeconds"] = "300", smtp: false);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Visitors_GetACachedCopy_SignedInPeopleNever_AndAChangeShowsAtOnce()
    {
        var visitor = hub.NewClient();
        var first = await visitor.Http.GetAsync("/congregations");
        Assert.False(first.Headers.Contains("Age"));
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var second = await visitor.Http.GetAsync("/congregations");
        Assert.True(second.Headers.Contains("Age"), "the second visit was rendered again instead of served from the cache");

        await hub.CreatePersonAsync("host@test.example", "ember and ash", name: "Quilla Host");
        var host = await hub.SignedInClientAsync("host@test.example", "ember and ash");
        for (var i = 0; i < 2; i++)
        {
            var (response, page) = await host.GetAsync("/congregations");
            Assert.False(response.Headers.Contains("Age"), "a signed-in person was served a visitor's copy");
            Assert.NotNull(page.QuerySelector("form[action='/account/sign-out']"));
        }

        var created = await Features.Congregations.CongregationTestKit.CreateAsync(host, "Freshly Made Circle");
        var (_, after) = await visitor.GetAsync("/congregations");
        Assert.Contains("Freshly Made Circle", after.QuerySelector("main")!.TextContent);
        Assert.Null(after.QuerySelector("form[action='/account/sign-out']")); // and the visitor still sees a visitor's page

        // A congregation's public page: cached for visitors, and a new member counts at once.
        await visitor.Http.GetAsync(created);
        Assert.True((await visitor.Http.GetAsync(created)).Headers.Contains("Age"));
        await hub.CreatePersonAsync("joiner@test.example", "ember and ash", name: "Joiner");
        var joiner = await hub.SignedInClientAsync("joiner@test.example", "ember and ash");
        var (joined, _) = await joiner.SubmitAsync(created, new Dictionary<string, string>(), handler: "Join");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var (_, counted) = await visitor.GetAsync(created);
        Assert.Contains("2 members", counted.QuerySelector("main")!.TextContent);
    }
}
