using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Platform.Email;
using MimeKit;

namespace Microsolidarity.Hub.Tests.Platform.Email;

public sealed class EmailDeliveryTests
{
    private static EmailMessage Sample(string to) =>
        new(to, "Reader", "A test message", "<p>Hello <strong>there</strong></p>", "Hello there");

    private static async Task QueueAsync(HubFactory hub, EmailMessage message)
    {
        using var scope = hub.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        outbox.Enqueue(message);
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
        outbox.Wake();
    }

    [Fact]
    public async Task Outbox_WithSmtp_DeliversOneMimeMessageWithHtmlAndTextParts()
    {
        await using var hub = await HubFactory.StartAsync();
        await QueueAsync(hub, Sample("reader@test.example"));
        var message = await hub.Smtp!.WaitForAsync("reader@test.example", "A test message");
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Equal("Hello there", message.TextBody?.Trim());
        Assert.False(string.IsNullOrEmpty(message.MessageId));

        await WaitUntilAsync(async () =>
        {
            using var s = hub.Services.CreateScope();
            return (await s.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.SingleAsync()).SentAt is not null;
        });
        Assert.Equal(0, await hub.DrainOutboxAsync()); // a sent message is never due again
        Assert.Single(hub.Smtp.Messages());
        using var scope = hub.Services.CreateScope();
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.SingleAsync()).Attempts);
    }

    [Fact]
    public async Task Outbox_RecipientRefusedBySmtp_IsMarkedFailedAndNotRetried()
    {
        await using var hub = await HubFactory.StartAsync();
        await QueueAsync(hub, Sample("bounce@test.example"));
        await QueueAsync(hub, Sample("fine@test.example"));
        await hub.Smtp!.WaitForAsync("fine@test.example", "A test message");
        await WaitUntilAsync(async () =>
        {
            using var scope = hub.Services.CreateScope();
            var bounced = await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.SingleAsync(e => e.ToAddress == "bounce@test.example");
            return bounced.FailedAt is not null;
        });
        using var check = hub.Services.CreateScope();
        var row = await check.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails.SingleAsync(e => e.ToAddress == "bounce@test.example");
        Assert.Equal(1, row.Attempts);
        Assert.Contains("550", row.LastError);
    }

    [Fact]
    public async Task Outbox_WithoutSmtp_WritesEmlFileTheMailboxShows()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false, environment: "Development");
        await QueueAsync(hub, Sample("pickup@test.example"));
        var folder = Path.Combine(hub.DataDirectory, "mail");
        await WaitUntilAsync(() => Task.FromResult(Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length == 1));
        var message = await MimeMessage.LoadAsync(Directory.GetFiles(folder, "*.eml").Single());
        Assert.NotNull(message.HtmlBody);
        Assert.NotNull(message.TextBody);

        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");
        var (_, list) = await admin.GetAsync("/dev/mailbox");
        var link = list.QuerySelector(".message-list a")!;
        Assert.Equal("A test message", link.TextContent);
        var (_, open) = await admin.GetAsync(link.GetAttribute("href")!);
        Assert.Contains("Hello there", open.QuerySelector("pre")!.TextContent);
        var (traversal, _) = await admin.GetAsync("/dev/mailbox/..%2F..%2Fhub.db");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public void Backoff_ByDefault_StartsAtThirtySecondsGrowsAndIsCapped()
    {
        var first = new EmailOptions().FirstRetryAfter;
        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.After(1, first));
        Assert.Equal(TimeSpan.FromSeconds(60), Backoff.After(2, first));
        Assert.Equal(TimeSpan.FromHours(1), Backoff.After(20, first));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 30 s.");
            await Task.Delay(100);
        }
    }
}
