using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Features.Congregations.Responsibilities;

/// <summary>Looks for responsibilities at their review date every hour; safe on several web nodes (see <see cref="ResponsibilityReviews"/>).</summary>
internal sealed class ResponsibilityReviewJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ResponsibilityReviewJob> logger)
    : PeriodicJob(scopes, time, logger)
{
    // A review date is a day: looking once an hour is soon enough, and costs one indexed query.
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Does => "tell holders and hosts of responsibilities due for review";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var told = await services.GetRequiredService<ResponsibilityReviews>().RunAsync(cancellationToken);
        if (told > 0)
        {
            Log.LogInformation("{Count} responsibility review notice(s) sent", told);
        }
    }
}
