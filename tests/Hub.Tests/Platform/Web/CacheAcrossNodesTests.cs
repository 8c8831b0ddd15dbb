using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Testing;
using Xunit.Abstractions;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// Two web nodes on one PostgreSQL database, each with its own caches kept for a minute: a change saved through
/// one is seen through the other long before its copy would have run out, because the nodes tell each other
/// (PostgreSQL's NOTIFY). The two hubs share nothing in memory but the test process's static state; each has its
/// own service provider, caches and listening connection. Several nodes need PostgreSQL, so ./test.sh runs this
/// class in the PostgreSQL run only (trait Nodes=Several).
/// </summary>
[Trait("Nodes", "Several")]
public sealed class CacheAcrossNodesTests(ITestOutputHelper output)
{
    /// <summary>Far longer than the test waits: a copy that is still served was not evicted.</summary>
    private const string CacheSeconds = "120";

    [Fact]
    public async Task AChangeThroughOneNode_IsSeenThroughTheOther_ByVisitorsAndMembers()
    {
        Assert.True(TestDatabase.ProviderUnderTest == "postgres",
            "Several web nodes run on PostgreSQL only: run this class with HUB_TEST_PROVIDER=postgres (./test.sh does).");
        await using var first = await HubFactory.StartAsync(s => s["Web:PublicCacheSeconds"] = CacheSeconds, smtp: false);
        await using var second = await HubFactory.StartAsync(s =>
        {
            s["Web:PublicCacheSeconds"] = CacheSeconds;
            s["ConnectionStrings:Hub"] = first.Database.ConnectionString; // the same database as the first node
        }, smtp: false);

        await first.CreatePersonAsync("host@test.example", "ember and ash", name: "Node Host");
        var hostOnFirst = await first.SignedInClientAsync("host@test.example", "ember and ash");
        var memberOnSecond = await second.SignedInClientAsync("host@test.example", "ember and ash"); // one account, seen by both

        await ListeningAsync(second);

        // Both kinds of copy on the second node: the visitors' page, and the shared reads behind a member's page.
        var visitorOnSecond = second.NewClient();
        await visitorOnSecond.Http.GetAsync("/congregations");
        Assert.True((await visitorOnSecond.Http.GetAsync("/congregations")).Headers.Contains("Age"), "the visitor's page is not kept on the second node");
        var (_, memberBefore) = await memberOnSecond.GetAsync("/congregations");
        Assert.DoesNotContain("Circle Across Nodes", memberBefore.QuerySelector("main")!.TextContent);

        var clock = Stopwatch.StartNew();
        await Features.Congregations.CongregationTestKit.CreateAsync(hostOnFirst, "Circle Across Nodes");
        var saved = clock.Elapsed;
        await SeenAsync(visitorOnSecond, "visitor");
        output.WriteLine($"visitor on the second node saw it {(clock.Elapsed - saved).TotalMilliseconds:0} ms after the save");
        await SeenAsync(memberOnSecond, "member");
        output.WriteLine($"member on the second node saw it {(clock.Elapsed - saved).TotalMilliseconds:0} ms after the save");
    }

    /// <summary>The listening connection opens shortly after start; a change saved before it listens is not heard.</summary>
    internal static async Task ListeningAsync(HubFactory hub)
    {
        var reads = hub.Services.GetRequiredService<SharedReadCache>();
        var deadline = DateTime.UtcNow + HubProcess.HealthWait;
        // Starting to listen evicts everything once (what was said before was not heard): that is the sign. Nothing
        // else in this test touches the handbook.
        while (reads.Version(SharedReadCache.Handbook) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(reads.Version(SharedReadCache.Handbook) > 0, "the second node never started listening");
    }

    /// <summary>Waits for the new congregation in the directory; a guard far below the cache's lifetime, not a speed check.</summary>
    private static async Task SeenAsync(FormClient client, string who)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var (_, page) = await client.GetAsync("/congregations");
            if (page.QuerySelector("main")!.TextContent.Contains("Circle Across Nodes"))
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"the {who} on the second node still saw the old directory a minute after the change");
    }
}
