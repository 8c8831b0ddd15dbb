using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Runs <see cref="ResyncHandbook"/> every <see cref="HandbookOptions.ResyncCheckInterval"/>; it imports only when the database says a re-sync is due.</summary>
internal sealed class HandbookResyncJob(IServiceScopeFactory scopes, IOptions<HandbookOptions> options, TimeProvider time, ILogger<HandbookResyncJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ResyncCheckInterval;

    protected override string Does => "run the handbook's re-sync";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ResyncHandbook>().RunDueAsync(cancellationToken);
}
