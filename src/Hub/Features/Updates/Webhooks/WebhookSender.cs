using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

public sealed class WebhookSignal : Platform.Background.WakeSignal
{
    /// <summary>From inside a transaction: wakes the sender a moment later, when the rows are likely committed.</summary>
    public void WakeSoon() => _ = Task.Delay(250).ContinueWith(_ => Wake(), TaskScheduler.Default);
}

/// <summary>
/// Delivers webhook rows. Each attempt runs on its own, at most one at a time per target, so a
/// target that is slow or down delays only its own deliveries. Failures back off exponentially
/// and stop after the configured attempts; every attempt's result is kept for the delivery log.
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IOptions<UpdatesOptions> options,
    WebhookSignal signal,
    TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private readonly ConcurrentDictionary<Guid, Task> busy = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not read the webhook queue.");
            }
            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollIntervalMs), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(busy.Values).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task StartDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var idle = busy.Keys.ToList();
        // The oldest due delivery of each target that is not busy here.
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.DeliveredAt == null && d.FailedAt == null && d.NextAttemptAt <= now
                        && (d.ClaimedUntil == null || d.ClaimedUntil < now) && !idle.Contains(d.TargetId))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => new { d.Id, d.TargetId })
            .Take(200)
            .ToListAsync(cancellationToken);
        foreach (var first in due.GroupBy(d => d.TargetId).Select(g => g.First()))
        {
            var task = Task.Run(() => DeliverAsync(first.Id, cancellationToken), CancellationToken.None);
            if (busy.TryAdd(first.TargetId, task))
            {
                _ = task.ContinueWith(_ =>
                {
                    busy.TryRemove(first.TargetId, out Task? _);
                    signal.Wake(); // the target may have more waiting
                }, TaskScheduler.Default);
            }
        }
    }

    internal async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var timeout = TimeSpan.FromSeconds(options.Value.WebhookTimeoutSeconds);
            var claimedUntil = now + timeout + TimeSpan.FromMinutes(1);
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == deliveryId && d.DeliveredAt == null && d.FailedAt == null
                            && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.ClaimedUntil, claimedUntil)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                return;
            }
            var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, cancellationToken);
            var target = await db.WebhookTargets.AsNoTracking().SingleAsync(t => t.Id == delivery.TargetId, cancellationToken);
            int? status = null;
            string? error = null;
            try
            {
                using var request = Request(target, delivery);
                using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeoutSource.CancelAfter(timeout);
                using var response = await clients.CreateClient(ClientName).SendAsync(request, timeoutSource.Token);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"The target answered {(int)response.StatusCode} {response.ReasonPhrase}.";
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"No answer within {options.Value.WebhookTimeoutSeconds} s.";
            }
            catch (HttpRequestException e)
            {
                error = e.Message;
            }
            var at = time.GetUtcNow().UtcDateTime;
            if (error is null)
            {
                await db.WebhookDeliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.DeliveredAt, at).SetProperty(d => d.ClaimedUntil, (DateTime?)null)
                    .SetProperty(d => d.LastStatus, status).SetProperty(d => d.LastError, (string?)null), CancellationToken.None);
                return;
            }
            error = error.Length > 2000 ? error[..2000] : error;
            // 4xx other than 408/429 means the request itself is wrong: retrying will not help.
            var permanent = status is >= 400 and < 500 and not 408 and not 429;
            var giveUp = permanent || delivery.Attempts >= options.Value.WebhookMaxAttempts;
            var retryAt = at + options.Value.Backoff(delivery.Attempts);
            await db.WebhookDeliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
                .SetProperty(d => d.NextAttemptAt, retryAt)
                .SetProperty(d => d.FailedAt, giveUp ? at : null)
                .SetProperty(d => d.LastStatus, status)
                .SetProperty(d => d.LastError, error), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Webhook delivery {Id} could not be recorded.", deliveryId);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private HttpRequestMessage Request(WebhookTarget target, WebhookDelivery delivery)
    {
        var content = new StringContent(delivery.Body, Encoding.UTF8, "application/json");
        if (target.Format == WebhookFormat.Matrix)
        {
            // The client-server API's send endpoint: the delivery id as transaction id makes a retry idempotent.
            var request = new HttpRequestMessage(HttpMethod.Put, $"{target.Url.TrimEnd('/')}/{delivery.Id:N}") { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Secret);
            return request;
        }
        var post = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = content };
        if (target.Format == WebhookFormat.Generic)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            post.Headers.Add(WebhookPayloads.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            post.Headers.Add(WebhookPayloads.SignatureHeader, WebhookPayloads.Sign(target.Secret, timestamp, delivery.Body));
            post.Headers.Add("X-Hub-Delivery", delivery.Id.ToString());
        }
        return post;
    }
}
