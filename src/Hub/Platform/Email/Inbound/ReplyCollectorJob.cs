using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

/// <summary>Reads the inbound mailbox (<see cref="CollectReplies"/>) every <see cref="InboundOptions.PollInterval"/>.</summary>
internal sealed class ReplyCollectorJob(IServiceScopeFactory scopes, IOptions<InboundOptions> options, TimeProvider time,
    ILogger<ReplyCollectorJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override string Does => "read the replies mailbox";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CollectReplies>().RunAsync(cancellationToken);
}
