using System.Net;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task SignedIn_SharedReadsAreKept_ButJoiningLeavingAndNoticesShowAtOnce()
    {
        await hub.CreatePersonAsync("tova@test.example", "ember and ash", name: "Tova Host");
        var host = await hub.SignedInClientAsync("tova@test.example", "ember and ash");
        var path = await Features.Congregations.CongregationTestKit.CreateAsync(host, "Kept Counts Circle", policy: "Request", questions: "");
        var (_, before) = await host.GetAsync(path);
        Assert.Contains("1 member", before.QuerySelector("#size + p")!.TextContent);
        Assert.Null(before.QuerySelector(".nav-account .count")); // no notices yet, and that count is now kept

        // A request to join notifies the host: the kept count of notices is forgotten at once.
        await hub.CreatePersonAsync("ravi@test.example", "ember and ash", name: "Ravi Asks");
        var asker = await hub.SignedInClientAsync("ravi@test.example", "ember and ash");
        var (asked, _) = await asker.SubmitAsync(path, new Dictionary<string, string> { ["Answers"] = "I live nearby." }, handler: "Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, notified) = await host.GetAsync(path);
        Assert.Equal("1 new", notified.QuerySelector(".nav-account .count")!.TextContent.Trim());

        // Reading them (a bulk update) clears it at once too.
        var (read, _) = await host.SubmitAsync("/me/notifications", new Dictionary<string, string>(), handler: "Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var (_, cleared) = await host.GetAsync(path);
        Assert.Null(cleared.QuerySelector(".nav-account .count"));

        // Accepting the request (a saved change) and leaving (a bulk delete) both show in the kept member count at once.
        var (_, hostPage) = await host.GetAsync($"{path}/host");
        var requestId = hostPage.QuerySelector("input[name='RequestId']")!.GetAttribute("value")!;
        var (accepted, _) = await host.SubmitAsync($"{path}/host", new Dictionary<string, string> { ["RequestId"] = requestId, ["Accept"] = "true" }, handler: "Decide");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, two) = await host.GetAsync(path);
        Assert.Contains("2 members", two.QuerySelector("#size + p")!.TextContent);
        var (_, listed) = await host.GetAsync("/congregations");
        Assert.Contains("2 members", listed.QuerySelector(".card-list")!.TextContent);

        var (left, _) = await asker.SubmitAsync(path, new Dictionary<string, string>(), handler: "Leave");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var (_, one) = await host.GetAsync(path);
        Assert.Contains("1 member,", one.QuerySelector("#size + p")!.TextContent);
        var (_, relisted) = await host.GetAsync("/congregations");
        Assert.Contains("1 member", relisted.QuerySelector(".card-list")!.TextContent);
    }

    [Fact]
    public async Task Handbook_VisitorsGetACachedCopy_AndAReimportShowsAtOnce()
    {
        var folder = Features.Handbook.SampleHandbook.Write();
        async Task ImportAsync()
        {
            using var scope = hub.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Features.Handbook.ImportHandbook>().RunAsync(folder);
        }
        await ImportAsync();
        var visitor = hub.NewClient();
        var first = await visitor.Http.GetAsync("/handbook/practices/crews");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), "a visitor's handbook page sets a cookie, so it can never be shared");
        var second = await visitor.Http.GetAsync("/handbook/practices/crews");
        Assert.True(second.Headers.Contains("Age"), "the second visit was rendered again instead of served from the cache");

        File.AppendAllText(Path.Combine(folder, "practices", "crews.md"), "\n\nA paragraph added upstream about checking in.\n");
        await ImportAsync();
        var (_, after) = await visitor.GetAsync("/handbook/practices/crews");
        Assert.Contains("A paragraph added upstream about checking in.", after.QuerySelector("main")!.TextContent);
    }
}
