using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>Looks for lapsed memberships every <see cref="CommonsOptions.LapseCheckInterval"/>; safe on several web nodes (see <see cref="NetworkMembership.LapseAsync"/>).</summary>
internal sealed class MembershipLapseJob(IServiceScopeFactory scopes, IOptions<CommonsOptions> options, TimeProvider time, ILogger<MembershipLapseJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.LapseCheckInterval;

    protected override string Does => "look for lapsed network memberships";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var ended = await services.GetRequiredService<NetworkMembership>().LapseAsync(cancellationToken);
        if (ended > 0)
        {
            Log.LogInformation("{Count} network membership(s) lapsed", ended);
        }
    }
}
