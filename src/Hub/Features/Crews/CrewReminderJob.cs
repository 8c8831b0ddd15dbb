using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Features.Crews;

public sealed class CrewOptions
{
    public const string Section = "Crews";

    /// <summary>How often to look for meetings to remind of; all state is in the database, so restarts lose nothing.</summary>
    public int ReminderCheckMinutes { get; set; } = 5;
}

internal sealed class CrewReminderScheduler(IServiceScopeFactory scopes, IOptions<CrewOptions> options, ILogger<CrewReminderScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.ReminderCheckMinutes)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendCrewReminders>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send crew reminders; trying again at the next check.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
