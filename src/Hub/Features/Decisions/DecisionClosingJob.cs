using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>Settings under <c>Decisions:</c>.</summary>
public sealed class DecisionOptions
{
    public const string Section = "Decisions";

    /// <summary>How often the hub looks for decisions whose answers have closed, to ask for their outcome.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Decisions:ClosingCheckInterval" + PeriodicJob.IntervalRule)]
    public TimeSpan ClosingCheckInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Asks proposers for their outcome once answers close (<see cref="AskForOutcomes"/>); safe on several nodes.</summary>
internal sealed class DecisionClosingJob(IServiceScopeFactory scopes, IOptions<DecisionOptions> options, TimeProvider time, ILogger<DecisionClosingJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.ClosingCheckInterval;

    protected override string Does => "ask proposers for the outcome of closed decisions";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var asked = await services.GetRequiredService<AskForOutcomes>().RunAsync(cancellationToken);
        if (asked > 0)
        {
            Log.LogInformation("{Count} proposer(s) asked for a decision's outcome", asked);
        }
    }
}
