using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Files;

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

/// <summary>
/// The data folder must take a file (the SQLite database and the mail pickup live there), and the file store
/// must answer: photos, covers, audio and handbook files are read from it on every page that shows them.
/// </summary>
public sealed class FilesCheck(IOptions<HubOptions> hub, IFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(hub.Value.DataDirectoryFullPath, $".ready-{Guid.NewGuid():N}");
        try
        {
            // On PostgreSQL nothing may have written there yet: every writer makes the folder when it first needs it.
            Directory.CreateDirectory(hub.Value.DataDirectoryFullPath);
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("the data folder cannot be written to");
        }
        return store is LocalFileStore || await store.ProblemAsync(cancellationToken) is not { } problem
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(problem);
    }
}
