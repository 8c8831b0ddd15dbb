using System.Linq.Expressions;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Updates.Webhooks;

public sealed class WebhookSignal : WakeSignal
{
    /// <summary>From inside a transaction: wakes the sender a moment later, when the rows are likely committed.</summary>
    public void WakeSoon() => _ = Task.Delay(250).ContinueWith(_ => Wake(), TaskScheduler.Default);
}

/// <summary>
/// Delivers webhook rows by the outbox loop every outbox shares (<see cref="OutboxWorker{TRow}"/>). Each
/// target is a lane: at most one attempt at a time per target, targets side by side, so a target that is
/// slow or down delays only its own deliveries. Every attempt's result is kept for the delivery log.
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IOptions<UpdatesOptions> options,
    WebhookSignal signal,
    TimeProvider time,
    ILogger<WebhookSender> logger) : OutboxWorker<WebhookDelivery>(scopes, signal, time, logger)
{
    public const string ClientName = "webhooks";

    protected override string RowName => "Webhook delivery";

    protected override Expression<Func<WebhookDelivery, DateTime?>> DoneAt => d => d.DeliveredAt;

    protected override Expression<Func<WebhookDelivery, Guid>> Lane => d => d.TargetId;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan FirstRetryAfter => options.Value.FirstRetryAfter;

    protected override int MaxAttempts => options.Value.WebhookMaxAttempts;

    private TimeSpan AnswerWithin => TimeSpan.FromSeconds(options.Value.WebhookTimeoutSeconds);

    protected override TimeSpan ClaimLength => AnswerWithin + TimeSpan.FromMinutes(1);

    /// <summary>4xx other than 408/429 means the request itself is wrong: retrying will not help.</summary>
    protected override bool IsPermanent(Exception failure) => failure is TargetRefusedException { Status: >= 400 and < 500 and not 408 and not 429 };

    protected override async Task SendAsync(OutboxAttempt<WebhookDelivery> attempt, CancellationToken cancellationToken)
    {
        var db = attempt.Services.GetRequiredService<HubDbContext>();
        var target = await db.WebhookTargets.AsNoTracking().SingleAsync(t => t.Id == attempt.Row.TargetId, cancellationToken);
        int? status = null;
        try
        {
            using var request = Request(target, attempt.Row);
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(AnswerWithin);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeoutSource.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new TargetRefusedException(status.Value, $"The target answered {status} {response.ReasonPhrase}.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {options.Value.WebhookTimeoutSeconds} s.");
        }
        finally
        {
            attempt.Record(d => d.LastStatus, status); // the log shows the last answer, whatever it was
        }
    }

    private sealed class TargetRefusedException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
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
            var timestamp = Time.GetUtcNow().ToUnixTimeSeconds();
            post.Headers.Add(WebhookPayloads.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            post.Headers.Add(WebhookPayloads.SignatureHeader, WebhookPayloads.Sign(target.Secret, timestamp, delivery.Body));
            post.Headers.Add("X-Hub-Delivery", delivery.Id.ToString());
        }
        return post;
    }
}
