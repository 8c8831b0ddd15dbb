using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>Settings under <c>Concerns:</c>.</summary>
public sealed class ConcernOptions
{
    public const string Section = "Concerns";

    /// <summary>How often the hub looks for concerns whose time to acknowledge has passed.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Concerns:ReminderCheckInterval" + PeriodicJob.IntervalRule)]
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Reminds care contacts of a concern not acknowledged in time (<see cref="RemindOfConcerns"/>); safe on several nodes.</summary>
internal sealed class ConcernReminderJob(IServiceScopeFactory scopes, IOptions<ConcernOptions> options, TimeProvider time, ILogger<ConcernReminderJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderCheckInterval;

    protected override string Does => "remind care contacts of concerns not acknowledged in time";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var reminded = await services.GetRequiredService<RemindOfConcerns>().RunAsync(cancellationToken);
        if (reminded > 0)
        {
            Log.LogInformation("{Count} concern(s) past their time to acknowledge: care contacts reminded", reminded);
        }
    }
}
