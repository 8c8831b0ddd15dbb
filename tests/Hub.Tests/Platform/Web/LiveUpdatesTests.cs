using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Testing;
using Xunit.Abstractions;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>
/// A hub whose live streams read again without a signal only every ten minutes, far beyond any wait of these tests:
/// whatever a stream shows within the test came because something said it changed (LiveSignals).
/// </summary>
public sealed class SignalledHub : SharedHub
{
    public const string ReadAtLeastSeconds = "600";

    protected override Task<HubFactory> StartAsync() => HubFactory.StartAsync(s => s["Web:LiveReadAtLeastSeconds"] = ReadAtLeastSeconds, smtp: false);
}

/// <summary>
/// The header's unread count follows its live stream (<c>/me/notifications/events</c>) on one hub: a new notice raises
/// it and reading lowers it, on SQLite by the in-process signal and on PostgreSQL by the NOTIFY the hub hears back.
/// </summary>
public sealed class LiveUpdatesTests(SignalledHub fixture) : IClassFixture<SignalledHub>
{
    private const string Password = "moss on the north wall";

    [Fact]
    public async Task NoticeCount_RisesWithANewNotice_AndFallsWhenRead()
    {
        var hub = fixture.Hub;
        var email = Unique.Email("wren");
        var person = await hub.CreatePersonAsync(email, Password, name: "Wren");
        var client = await hub.SignedInClientAsync(email, Password);
        var (_, page) = await client.GetAsync("/me");
        Assert.Equal("/me/notifications/events", page.QuerySelector("a[data-unread-events]")!.GetAttribute("data-unread-events"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/notices.js']"));

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a hang guard, far below the streams' ten minutes
        await using var stream = await LiveStream.OpenAsync(client, "/me/notifications/events", guard.Token);
        Assert.Equal("0", await stream.NextAsync("unread", guard.Token));

        await LiveStream.NotifyAsync(hub, person.Id, "Wren, your crew meets on Tuesday");
        Assert.Equal("1", await stream.NextAsync("unread", guard.Token));

        var (read, _) = await client.SubmitAsync("/me/notifications", new Dictionary<string, string>(), "Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("0", await stream.NextAsync("unread", guard.Token));
    }
}

/// <summary>
/// Two web nodes on one PostgreSQL database (PostgreSQL only, trait Nodes=Several): a page open on the second follows
/// what is done on the first, by the one channel the nodes already listen on.
/// </summary>
[Trait("Nodes", "Several")]
public sealed class LiveAcrossNodesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task NoticeCount_OnTheSecondNode_FollowsANoticeSavedOnTheFirst()
    {
        Assert.True(TestDatabase.ProviderUnderTest == "postgres",
            "Several web nodes run on PostgreSQL only: run this class with HUB_TEST_PROVIDER=postgres (./test.sh does).");
        await using var first = await HubFactory.StartAsync(smtp: false);
        await using var second = await HubFactory.StartAsync(s =>
        {
            s["ConnectionStrings:Hub"] = first.Database.ConnectionString; // the same database as the first node
            s["Web:LiveReadAtLeastSeconds"] = SignalledHub.ReadAtLeastSeconds;
        }, smtp: false);
        var person = await first.CreatePersonAsync("wren@test.example", "moss on the north wall", name: "Wren");
        var onSecond = await second.SignedInClientAsync("wren@test.example", "moss on the north wall");
        await CacheAcrossNodesTests.ListeningAsync(second);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a hang guard, far below the streams' ten minutes
        await using var stream = await LiveStream.OpenAsync(onSecond, "/me/notifications/events", guard.Token);
        Assert.Equal("0", await stream.NextAsync("unread", guard.Token));

        var clock = Stopwatch.StartNew();
        await LiveStream.NotifyAsync(first, person.Id, "Wren, a pair check-in is due");
        var saved = clock.Elapsed;
        Assert.Equal("1", await stream.NextAsync("unread", guard.Token));
        output.WriteLine($"the second node's stream sent the new count {(clock.Elapsed - saved).TotalMilliseconds:0} ms after the save on the first");
    }
}

/// <summary>One live stream (server-sent events) read event by event.</summary>
internal sealed class LiveStream(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public static async Task<LiveStream> OpenAsync(FormClient client, string path, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        return new LiveStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancel)));
    }

    /// <summary>The data of the next event named <paramref name="name"/>.</summary>
    public async Task<string> NextAsync(string name, CancellationToken cancel)
    {
        var current = "";
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                current = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == name)
            {
                return line["data: ".Length..];
            }
        }
        throw new InvalidOperationException("The stream ended without the event.");
    }

    /// <summary>A notice for the person, saved on <paramref name="hub"/> the way every feature saves one.</summary>
    public static async Task NotifyAsync(HubFactory hub, string userId, string title)
    {
        using var scope = hub.Services.CreateScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await notifier.NotifyAsync(new Notice(userId, "crew.meeting", title, "/me",
            new EmailMessage("wren@test.example", "Wren", title, $"<p>{title}</p>", title)), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
