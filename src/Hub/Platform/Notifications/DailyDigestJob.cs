using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Background;

namespace Microsolidarity.Hub.Platform.Notifications;

/// <summary>Settings under <c>Notifications:</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often to look for digests that are due. Every state lives in the database, so a restart loses nothing.</summary>
    [Range(typeof(TimeSpan), PeriodicJob.ShortestInterval, PeriodicJob.LongestInterval,
        ErrorMessage = "Notifications:DigestCheckInterval (or the older Notifications:DigestCheckMinutes)" + PeriodicJob.IntervalRule)]
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Runs <see cref="SendDailyDigests"/> every <see cref="NotificationOptions.DigestCheckInterval"/>.</summary>
internal sealed class DailyDigestJob(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<DailyDigestJob> logger) : PeriodicJob(scopes, time, logger)
{
    protected override TimeSpan Interval => options.Value.DigestCheckInterval;

    protected override string Does => "send the daily digests";

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SendDailyDigests>().RunAsync(cancellationToken);
}
