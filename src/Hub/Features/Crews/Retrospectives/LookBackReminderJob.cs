using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Crews.Retrospectives;

/// <summary>Settings under <c>Retrospectives:</c>.</summary>
public sealed class RetrospectiveOptions
{
    public const string Section = "Retrospectives";

    /// <summary>How often to look for crews that ran on three months without a retrospective; the claim is in the database.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Retrospectives:LookBackCheckInterval" + PeriodicJob.IntervalRule)]
    public TimeSpan LookBackCheckInterval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>Runs <see cref="SendLookBackReminders"/> every <see cref="RetrospectiveOptions.LookBackCheckInterval"/>.</summary>
internal sealed class LookBackReminderJob(IServiceScopeFactory scopes, IOptions<RetrospectiveOptions> options, TimeProvider time, ILogger<LookBackReminderJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.LookBackCheckInterval;

    protected override string Does => "remind crews that ran on to look back";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SendLookBackReminders>().RunAsync(cancellationToken);
}
