using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>Settings under <c>Introductions:</c>, checked at start.</summary>
public sealed class IntroductionOptions
{
    public const string Section = "Introductions";

    /// <summary>How often the job looks for a round to make or a "did you meet?" to ask; all state is in the database.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Introductions:CheckInterval" + PeriodicJob.IntervalRule)]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Days between a congregation's rounds (people who chose every four weeks take every other one).</summary>
    [Range(7, 28, ErrorMessage = "Introductions:RoundDays must be a whole number of days from 7 to 28; 14 is every two weeks.")]
    public int RoundDays { get; set; } = 14;

    /// <summary>Days after the first person opts in before a congregation's first round, so a few can gather.</summary>
    [Range(0, 14, ErrorMessage = "Introductions:FirstRoundDays must be a whole number of days from 0 to 14.")]
    public int FirstRoundDays { get; set; } = 2;

    /// <summary>Days after an introduction before "did you meet?" is asked.</summary>
    [Range(1, 28, ErrorMessage = "Introductions:AskAfterDays must be a whole number of days from 1 to 28; 7 is a week.")]
    public int AskAfterDays { get; set; } = 7;
}

/// <summary>Makes the rounds that are due and asks "did you meet?" every <see cref="IntroductionOptions.CheckInterval"/>.</summary>
internal sealed class IntroductionJob(IServiceScopeFactory scopes, IOptions<IntroductionOptions> options, TimeProvider time, ILogger<IntroductionJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override string Does => "make introductions";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MakeIntroductions>().RunAsync(cancellationToken);
        await services.GetRequiredService<AskDidYouMeet>().RunAsync(cancellationToken);
    }
}
