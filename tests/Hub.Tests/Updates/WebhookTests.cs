using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Features.Updates.Webhooks;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Updates;

/// <summary>An HTTP server on loopback that records what it receives; it can fail on purpose, or never answer.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, string Method, string Body, Dictionary<string, string> Headers);

    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();
    public ConcurrentQueue<Received> Requests { get; } = new();
    public int Port { get; }

    /// <summary>Answers each request with this status; the default 204. Return null to never answer.</summary>
    public Func<Received, int?> Answer { get; set; } = _ => 204;

    /// <summary>Requests the receiver holds open without answering.</summary>
    public int Hanging;

    public LoopbackReceiver()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(LoopAsync);
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var received = new Received(context.Request.Url!.AbsolutePath, context.Request.HttpMethod, body,
                    context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase));
                Requests.Enqueue(received);
                var status = Answer(received);
                if (status is null)
                {
                    Interlocked.Increment(ref Hanging);
                    return; // never answered: the caller must give up on its own
                }
                context.Response.StatusCode = status.Value;
                context.Response.Close();
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Abort();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}

/// <summary>Chat webhooks delivered to real HTTP servers on loopback, the signature checked on arrival.</summary>
#pragma warning disable CA1001 // the receiver is disposed in DisposeAsync, xunit's end of a test
public sealed class WebhookTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private HubFactory hub = null!;
    private FormClient admin = null!;
    private LoopbackReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = new LoopbackReceiver();
        hub = await HubFactory.StartAsync(s =>
        {
            s["Updates:PollInterval"] = "00:00:00.1";
            s["Updates:FirstRetryAfter"] = "00:00:00.1";
            s["Updates:WebhookMaxAttempts"] = "3";
            s["Updates:WebhookTimeoutSeconds"] = "120"; // a hanging target must not hold others up, however long it hangs
            s["Updates:AllowPrivateWebhookTargets"] = "true"; // the receivers here listen on loopback
        }, smtp: false);
        await hub.CreatePersonAsync("chat-admin@test.example", "keeper of keys", admin: true);
        admin = await hub.SignedInClientAsync("chat-admin@test.example", "keeper of keys");
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private async Task<string?> AddTargetAsync(string name, string format, string url, string secret = "", params string[] kinds)
    {
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Format"] = format, ["Address"] = url, ["Secret"] = secret };
        var (response, _) = await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Add",
            kinds.Select((k, i) => (k, i)).Aggregate(fields, (f, x) => { f[$"Kinds[{x.i}]"] = x.k; return f; }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.GetAsync("/admin/webhooks");
        return page.QuerySelector("code.secret")?.TextContent;
    }

    private async Task AnnounceAsync(Announcement announcement)
    {
        using var scope = hub.Services.CreateScope();
        foreach (var sink in scope.ServiceProvider.GetServices<IAnnouncementSink>())
        {
            await sink.AnnounceAsync(announcement, CancellationToken.None);
        }
        await scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>().SaveChangesAsync();
    }

    [Fact]
    public async Task Announce_ToEachFormat_ArrivesSignedAndShapedAndTheLogShowsIt()
    {
        var secret = await AddTargetAsync("Generic receiver", "Generic", receiver.Url("/generic"), "", "event", "newsletter", "episode");
        Assert.Matches("^[0-9a-f]{64}$", secret);
        await AddTargetAsync("Discord", "Discord", receiver.Url("/discord"), "", "episode");
        await AddTargetAsync("Slack", "Slack", receiver.Url("/slack"), "", "episode");
        await AddTargetAsync("Matrix", "Matrix", receiver.Url("/_matrix/client/v3/rooms/!room:hub.example/send/m.room.message"), "matrix-token", "episode");
        await AddTargetAsync("Events only", "Generic", receiver.Url("/events-only"), "events-secret", "event");

        var visitor = hub.NewClient();
        await AnnounceAsync(new Announcement(Announcement.Episode, "Hosting @everyone <well>", "http://localhost/podcast/hosting", "Three hosts talk.", DateTime.UtcNow));
        await UpdatesTestKit.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 4), "four deliveries");

        var generic = Assert.Single(receiver.Requests, r => r.Path == "/generic");
        var timestamp = generic.Headers[WebhookPayloads.TimestampHeader];
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret!), Encoding.UTF8.GetBytes($"{timestamp}.{generic.Body}")));
        Assert.Equal(expected, generic.Headers[WebhookPayloads.SignatureHeader]);
        Assert.InRange(long.Parse(timestamp), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using (var json = JsonDocument.Parse(generic.Body))
        {
            Assert.Equal("episode", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal("http://localhost/podcast/hosting", json.RootElement.GetProperty("url").GetString());
        }
        var discord = Assert.Single(receiver.Requests, r => r.Path == "/discord");
        using (var json = JsonDocument.Parse(discord.Body))
        {
            Assert.Contains("Hosting @everyone", json.RootElement.GetProperty("content").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        }
        var slack = Assert.Single(receiver.Requests, r => r.Path == "/slack");
        using (var json = JsonDocument.Parse(slack.Body))
        {
            Assert.StartsWith("New episode: <http://localhost/podcast/hosting|Hosting @everyone &lt;well&gt;>", json.RootElement.GetProperty("text").GetString());
        }
        var matrix = Assert.Single(receiver.Requests, r => r.Path.StartsWith("/_matrix/", StringComparison.Ordinal));
        Assert.Equal("PUT", matrix.Method);
        Assert.Equal("Bearer matrix-token", matrix.Headers["Authorization"]);
        Assert.Matches("/send/m.room.message/[0-9a-f]{32}$", matrix.Path);
        Assert.DoesNotContain(receiver.Requests, r => r.Path == "/events-only"); // not subscribed to episodes

        await UpdatesTestKit.WaitUntilAsync(() => hub.FromDbAsync(db => db.WebhookDeliveries.AllAsync(d => d.DeliveredAt != null)), "all marked delivered");
        var (_, log) = await admin.GetAsync("/admin/webhooks");
        Assert.Equal(4, log.QuerySelectorAll(".delivery-log tbody tr").Count(r => r.TextContent.Contains("Delivered")));

        // "Send a test message" reaches that one target only, signed like any announcement, and is logged.
        var genericId = await hub.FromDbAsync(db => db.WebhookTargets.Where(t => t.Name == "Generic receiver").Select(t => t.Id).SingleAsync());
        var (sent, _) = await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Test", new Dictionary<string, string> { ["id"] = genericId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, notice) = await admin.GetAsync("/admin/webhooks");
        Assert.Contains("A test message is on its way to Generic receiver", notice.QuerySelector("[role=status]")!.TextContent);
        await UpdatesTestKit.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count(r => r.Path == "/generic") == 2), "the test message");
        var test = receiver.Requests.Last(r => r.Path == "/generic");
        Assert.Equal(WebhookPayloads.Sign(secret!, long.Parse(test.Headers[WebhookPayloads.TimestampHeader]), test.Body), test.Headers[WebhookPayloads.SignatureHeader]);
        using (var json = JsonDocument.Parse(test.Body))
        {
            Assert.Equal("test", json.RootElement.GetProperty("kind").GetString());
            Assert.StartsWith("Test message from", json.RootElement.GetProperty("title").GetString());
        }
        Assert.Equal(3, receiver.Requests.Count(r => r.Path != "/generic")); // the three earlier deliveries only: nobody else got the test
        await UpdatesTestKit.WaitUntilAsync(() => hub.FromDbAsync(db => db.WebhookDeliveries.AllAsync(d => d.DeliveredAt != null)), "the test marked delivered");
        (_, log) = await admin.GetAsync("/admin/webhooks");
        Assert.Contains(log.QuerySelectorAll(".delivery-log tbody tr"), r => r.TextContent.Contains("Test message from") && r.TextContent.Contains("Delivered"));
        var (_, overview) = await admin.GetAsync("/admin");
        Assert.Contains("5 targets, none failing", overview.QuerySelector("#part-webhooks")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Deliver_TargetDownOrHanging_RetriesWithBackoffGivesUpAndHoldsNothingElseUp()
    {
        await using var hanging = new LoopbackReceiver { Answer = _ => null };
        await using var flaky = new LoopbackReceiver();
        var calls = 0;
        flaky.Answer = _ => Interlocked.Increment(ref calls) == 1 ? 503 : 200; // down once, then fine
        await AddTargetAsync("Hangs", "Generic", hanging.Url("/hang"), "s1", "newsletter");
        await AddTargetAsync("Refused", "Generic", $"http://127.0.0.1:{FreePort.Next()}/nobody-listens", "s2", "newsletter");
        await AddTargetAsync("Flaky", "Slack", flaky.Url("/flaky"), "", "newsletter");

        await AnnounceAsync(new Announcement(Announcement.Newsletter, "Issue one", "http://localhost/newsletter/1", "Hello", DateTime.UtcNow));
        await UpdatesTestKit.WaitUntilAsync(() => Task.FromResult(hanging.Hanging == 1), "the hanging target to be holding a request");
        await AnnounceAsync(new Announcement(Announcement.Newsletter, "Issue two", "http://localhost/newsletter/2", "Hello", DateTime.UtcNow));

        // The flaky target gets both issues, the first after a retry, while the hanging one still holds its first request.
        await UpdatesTestKit.WaitUntilAsync(() => hub.FromDbAsync(async db => await db.WebhookDeliveries
            .Join(db.WebhookTargets, d => d.TargetId, t => t.Id, (d, t) => new { d, t.Name })
            .CountAsync(x => x.Name == "Flaky" && x.d.DeliveredAt != null) == 2), "both issues delivered to the flaky target");
        Assert.Equal(1, hanging.Hanging);
        Assert.Single(hanging.Requests);
        var flakyRows = await hub.FromDbAsync(db => db.WebhookDeliveries.Join(db.WebhookTargets.Where(t => t.Name == "Flaky"), d => d.TargetId, t => t.Id, (d, t) => d)
            .OrderBy(d => d.CreatedAt).ToListAsync());
        Assert.Equal([2, 1], flakyRows.Select(d => d.Attempts).ToArray());
        Assert.Equal(3, calls);

        // Nobody listening: three attempts (the configured limit), then given up with the reason in the log.
        await UpdatesTestKit.WaitUntilAsync(() => hub.FromDbAsync(db => db.WebhookDeliveries.Join(db.WebhookTargets.Where(t => t.Name == "Refused"), d => d.TargetId, t => t.Id, (d, t) => d)
            .CountAsync(d => d.FailedAt != null).ContinueWith(c => c.Result == 2)), "the unreachable target's deliveries to be given up");
        var refused = await hub.FromDbAsync(db => db.WebhookDeliveries.Join(db.WebhookTargets.Where(t => t.Name == "Refused"), d => d.TargetId, t => t.Id, (d, t) => d).ToListAsync());
        Assert.All(refused, d => Assert.Equal(3, d.Attempts));
        Assert.All(refused, d => Assert.False(string.IsNullOrEmpty(d.LastError)));
        var (_, log) = await admin.GetAsync("/admin/webhooks");
        Assert.Contains(log.QuerySelectorAll(".delivery-log tbody tr"), r => r.TextContent.Contains("Refused") && r.TextContent.Contains("Given up"));

        // The administration area names the failing target with its reason, and says something needs a look.
        var (_, overview) = await admin.GetAsync("/admin");
        Assert.Contains("chat webhook", overview.QuerySelector(".notice.warn")!.TextContent);
        var failing = overview.QuerySelectorAll("#part-webhooks ~ .failing li").Single(li => li.TextContent.Contains("Refused"));
        Assert.Contains("2 given up", failing.TextContent);
        Assert.Contains(refused[0].LastError!, failing.TextContent);

        // Removing the hanging target stops its pending work.
        var hangId = await hub.FromDbAsync(db => db.WebhookTargets.Where(t => t.Name == "Hangs").Select(t => t.Id).SingleAsync());
        var (removed, _) = await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Remove", new Dictionary<string, string> { ["id"] = hangId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.True(await hub.FromDbAsync(db => db.WebhookDeliveries.Where(d => d.TargetId == hangId && d.Title == "Issue two").AllAsync(d => d.FailedAt != null)));
    }

    [Fact]
    public async Task AddTarget_BadInputOrNotAdmin_IsRefusedWithAReason()
    {
        var (_, page) = await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Add",
            new Dictionary<string, string> { ["Name"] = "", ["Format"] = "Generic", ["Address"] = "not a url", ["Secret"] = "" });
        Assert.Contains("Name the target", page.QuerySelector("#name-error")!.TextContent);
        (_, page) = await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Add",
            new Dictionary<string, string> { ["Name"] = "X", ["Format"] = "Matrix", ["Address"] = "https://matrix.example/_matrix/client/v3/rooms/r/send/m.room.message", ["Secret"] = "", ["Kinds[0]"] = "event" });
        Assert.Contains("access token", page.QuerySelector("#secret-error")!.TextContent);

        await hub.CreatePersonAsync("someone@test.example", "quiet garden path");
        var member = await hub.SignedInClientAsync("someone@test.example", "quiet garden path");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync("/admin/webhooks")).StatusCode);
    }
}

/// <summary>By default a webhook reaches only the public internet: never the hub's own machine, its network or a cloud's metadata service.</summary>
public sealed class WebhookTargetAddressTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private FormClient admin = null!;

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(s =>
        {
            s["Updates:PollInterval"] = "00:00:00.1";
            s["Updates:WebhookMaxAttempts"] = "1";
        }, smtp: false);
        await hub.CreatePersonAsync("net-admin@test.example", "keeper of keys", admin: true);
        admin = await hub.SignedInClientAsync("net-admin@test.example", "keeper of keys");
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task AddTarget_LoopbackPrivateOrMetadataAddress_IsRefusedBesideTheField()
    {
        foreach (var url in new[]
        {
            "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook",
            "http://192.168.1.20/hook", "http://[::1]/hook", "http://[::ffff:172.16.0.1]/hook", "http://[fd00:ec2::254]/hook",
        })
        {
            var (response, page) = await admin.PostFromAsync("/admin/webhooks", "/admin/webhooks?handler=Add",
                new Dictionary<string, string> { ["Name"] = "Inside", ["Format"] = "Slack", ["Address"] = url, ["Secret"] = "", ["Kinds[0]"] = "event" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("only to addresses on the public internet", page.QuerySelector("#url-error")!.TextContent);
            Assert.Equal(url, page.QuerySelector("#url")!.GetAttribute("value"));
        }
        Assert.False(await hub.FromDbAsync(db => db.WebhookTargets.AnyAsync()));
    }

    /// <summary>
    /// A target saved before this check, or a name that resolved elsewhere when it was saved (DNS
    /// rebinding): the address is checked again on the connection itself, after DNS.
    /// </summary>
    [Fact]
    public async Task Deliver_ToANameThatResolvesToLoopback_IsRefusedOnConnectingAndNothingArrives()
    {
        await using var receiver = new LoopbackReceiver();
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
            db.WebhookTargets.Add(new WebhookTarget
            {
                Id = Guid.NewGuid(),
                Name = "Rebound",
                Format = WebhookFormat.Slack,
                Url = $"http://localhost:{receiver.Port}/hook",
                Secret = "",
                Kinds = Announcement.Newsletter,
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            foreach (var sink in scope.ServiceProvider.GetServices<IAnnouncementSink>())
            {
                await sink.AnnounceAsync(new Announcement(Announcement.Newsletter, "Issue one", "http://hub.test/newsletter/1", "Hello", DateTime.UtcNow), CancellationToken.None);
            }
            await db.SaveChangesAsync();
        }
        await UpdatesTestKit.WaitUntilAsync(() => hub.FromDbAsync(db => db.WebhookDeliveries.AnyAsync(d => d.FailedAt != null)), "the delivery to be given up");
        var delivery = await hub.FromDbAsync(db => db.WebhookDeliveries.SingleAsync());
        Assert.Contains("local or private network address", delivery.LastError);
        Assert.Empty(receiver.Requests);
    }
}
