using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Observability;

/// <summary>
/// Not ready while a migration waits: during a rolling upgrade a node of the new version started with
/// <c>Database:MigrateAtStart=false</c> should get no traffic until <c>hub migrate</c> has run.
/// </summary>
public sealed class MigrationsCheck(PlainConnections connections, DatabaseOptions database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await DatabaseStartup.HasPendingMigrationsAsync(connections, database)
            ? HealthCheckResult.Unhealthy("migrations are waiting: run `hub migrate`")
            : HealthCheckResult.Healthy();
}

/// <summary>Photos, covers, handbook files and mail are written to the data folder: it must take a file.</summary>
public sealed class FilesCheck(IOptions<HubOptions> hub) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(hub.Value.DataDirectoryFullPath, $".ready-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("the data folder cannot be written to");
        }
    }
}
