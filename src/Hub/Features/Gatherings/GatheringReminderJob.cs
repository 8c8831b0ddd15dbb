using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Settings under <c>Gatherings:</c>.</summary>
public sealed class GatheringsOptions
{
    public const string Section = "Gatherings";

    /// <summary>How often to look for reminders that are due and unpaid places that ran out; all state is in the database.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Gatherings:ReminderCheckInterval (or the older Gatherings:ReminderPollSeconds)" + PeriodicJob.IntervalRule)]
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs <see cref="SendReminders"/> and <see cref="ExpireUnpaidPlaces"/> every <see cref="GatheringsOptions.ReminderCheckInterval"/>.</summary>
internal sealed class GatheringReminderJob(IServiceScopeFactory scopes, IOptions<GatheringsOptions> options, TimeProvider time, ILogger<GatheringReminderJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderCheckInterval;

    protected override string Does => "send gathering reminders and release unpaid places";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<SendReminders>().RunAsync(Time.GetUtcNow().UtcDateTime, cancellationToken);
        await services.GetRequiredService<ExpireUnpaidPlaces>().RunAsync(Time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
