using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Background;

/// <summary>
/// The loop every outbox shares (<see cref="OutboxWorker{TRow}"/>), seen through the email outbox on the real
/// database: the backoff, giving up, and the claim that keeps two nodes from sending one row twice.
/// </summary>
public sealed class OutboxWorkerTests
{
    [Fact]
    public void Backoff_DoublesFromTheFirstWaitAndStopsAtAnHour()
    {
        var first = TimeSpan.FromSeconds(45);
        Assert.Equal(new double[] { 45, 90, 180, 360, 720, 1440, 2880, 3600, 3600 },
            Enumerable.Range(1, 9).Select(n => Backoff.After(n, first).TotalSeconds).ToArray());
        Assert.Equal(first, Backoff.After(0, first));
        Assert.Equal(Backoff.Longest, Backoff.After(1000, first));
        Assert.Equal(Backoff.Longest, Backoff.After(1, TimeSpan.FromHours(2)));
    }

    [Fact]
    public async Task Email_ServerUnreachable_WaitsTwiceAsLongAfterEachFailureThenGivesUp()
    {
        var clock = new ShiftedClock();
        await using var hub = await HubFactory.StartAsync(s =>
        {
            // Nobody listens there: every attempt fails, and not for good (a refused connection, not a 5xx).
            (s["Email:Smtp:Host"], s["Email:Smtp:Port"], s["Email:Smtp:Security"]) = ("127.0.0.1", FreePort.Next().ToString(), "None");
            s["Email:PollInterval"] = "00:10:00"; // the background senders stay asleep: the test makes every attempt
            s["Email:FirstRetryAfter"] = "00:05:00";
            s["Email:MaxAttempts"] = "3";
        }, smtp: false);
        await using var node = hub.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var sender = Sender(node);
        await QueueAsync(node, "far@test.example", "Across the water");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // The database keeps microseconds, the clock ticks of 100 ns: the bounds allow for that.
            var before = clock.GetUtcNow().UtcDateTime.AddMilliseconds(-1);
            Assert.True(await sender.SendNextAsync(CancellationToken.None));
            var after = clock.GetUtcNow().UtcDateTime.AddMilliseconds(1);
            var row = await RowAsync(hub, "far@test.example");
            Assert.Equal(attempt, row.Attempts);
            Assert.Null(row.SentAt);
            Assert.Null(row.ClaimedUntil);
            Assert.False(string.IsNullOrEmpty(row.LastError));
            if (attempt < 3)
            {
                Assert.Null(row.FailedAt);
                var wait = TimeSpan.FromMinutes(5 * Math.Pow(2, attempt - 1)); // 5 min, then 10
                Assert.InRange(row.NextAttemptAt, before + wait, after + wait);
                Assert.False(await sender.SendNextAsync(CancellationToken.None)); // not due before its time
                clock.Advance(wait);
            }
            else
            {
                Assert.NotNull(row.FailedAt);
                Assert.InRange(row.FailedAt.Value, before, after);
            }
        }
        clock.Advance(TimeSpan.FromDays(2));
        Assert.False(await sender.SendNextAsync(CancellationToken.None)); // given up: never due again
        Assert.Equal(3, (await RowAsync(hub, "far@test.example")).Attempts);
    }

    [Fact]
    public async Task TwoNodes_TryingTheSameRowsAtOnce_SendEachMessageOnce()
    {
        await using var hub = await HubFactory.StartAsync();
        await using var second = hub.WithWebHostBuilder(_ => { });
        const int count = 20;
        List<Guid> ids;
        using (var scope = hub.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Enqueue(new EmailMessage($"reader{i}@test.example", "Reader", $"Claim test {i}", "<p>Hello</p>", "Hello"));
            }
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await db.SaveChangesAsync();
            ids = await db.OutgoingEmails.Select(e => e.Id).ToListAsync();
        }
        var (one, other) = (Sender(hub), Sender(second));

        // Both nodes try every row at the same moment (their background senders may be at it too), then one
        // node tries each again: only a claim taken with the conditional update can keep that to one send.
        await Task.WhenAll(ids.Select(id => Task.WhenAll(
            Task.Run(() => one.AttemptAsync(id, CancellationToken.None)),
            Task.Run(() => other.AttemptAsync(id, CancellationToken.None)))));
        foreach (var id in ids)
        {
            await other.AttemptAsync(id, CancellationToken.None);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync(hub, e => e.SentAt == null) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Every message should be sent within 60 s.");
            await Task.Delay(100);
        }

        Assert.Equal(count, await CountAsync(hub, e => e.Attempts == 1 && e.FailedAt == null)); // each claimed once, by one node
        var subjects = hub.Smtp!.Messages().Select(m => m.Subject ?? "").Where(s => s.StartsWith("Claim test", StringComparison.Ordinal)).ToList();
        Assert.Equal(count, subjects.Count);
        Assert.Equal(count, subjects.Distinct().Count());
    }

    private static EmailSender Sender(WebApplicationFactory<Program> node) =>
        node.Services.GetServices<IHostedService>().OfType<EmailSender>().Single();

    private static async Task QueueAsync(WebApplicationFactory<Program> node, string to, string subject)
    {
        using var scope = node.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(new EmailMessage(to, "Reader", subject, "<p>Hello</p>", "Hello"));
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync(); // no wake-up: the test sends
    }

    private static async Task<OutgoingEmail> RowAsync(HubFactory hub, string to)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.AsNoTracking().SingleAsync(e => e.ToAddress == to);
    }

    private static async Task<int> CountAsync(HubFactory hub, System.Linq.Expressions.Expression<Func<OutgoingEmail, bool>> where)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.CountAsync(where);
    }
}
