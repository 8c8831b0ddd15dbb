using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>Settings under <c>Crews:</c>.</summary>
public sealed class CrewOptions
{
    public const string Section = "Crews";

    /// <summary>How often to look for meetings to remind of; all state is in the database, so restarts lose nothing.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Crews:ReminderCheckInterval (or the older Crews:ReminderCheckMinutes)" + PeriodicJob.IntervalRule)]
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Runs <see cref="SendCrewReminders"/> every <see cref="CrewOptions.ReminderCheckInterval"/>.</summary>
internal sealed class CrewReminderJob(IServiceScopeFactory scopes, IOptions<CrewOptions> options, TimeProvider time, ILogger<CrewReminderJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderCheckInterval;

    protected override string Does => "send crew reminders";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SendCrewReminders>().RunAsync(cancellationToken);
}
