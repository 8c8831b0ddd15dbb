using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Platform.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often to look for digests that are due. Every state lives in the database, so a restart loses nothing.</summary>
    public int DigestCheckMinutes { get; set; } = 10;
}

/// <summary>Runs <see cref="SendDailyDigests"/> every few minutes.</summary>
internal sealed class DigestScheduler(IServiceScopeFactory scopes, IOptions<NotificationOptions> options,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.DigestCheckMinutes)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send the daily digests; trying again at the next check.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
