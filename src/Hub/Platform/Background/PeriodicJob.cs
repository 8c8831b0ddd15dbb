using System.Diagnostics;
using Microsolidarity.Hub.Platform.Observability;

namespace Microsolidarity.Hub.Platform.Background;

/// <summary>
/// The one loop of every job that runs on a schedule (daily digests, reminders, the handbook's re-sync, the
/// membership lapse): once when the hub starts, then once per <see cref="Interval"/>, each run in a scope of
/// its own. A run that fails is logged and the next one comes at its time; a run that takes longer than the
/// interval is followed by the next at once, never by two. A job keeps everything it must remember in the
/// database and claims its work there, so a restart loses nothing and two web nodes never do a thing twice.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The bounds of every job's interval, for its options' <c>[Range(typeof(TimeSpan), ...)]</c>.</summary>
    public const string ShortestInterval = "00:00:01", LongestInterval = "1.00:00:00";

    /// <summary>The end of every job's interval message, after the setting's name.</summary>
    public const string IntervalRule = " must be from 00:00:01 (a second) to 1.00:00:00 (a day), written hh:mm:ss: "
        + "00:10:00 is ten minutes, while 24:00:00 would mean 24 days.";

    /// <summary>From the start of one run to the start of the next; read from the job's options, checked at start.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a run does, for the log: "send the daily digests".</summary>
    protected abstract string Does { get; }

    protected TimeProvider Time => time;

    protected ILogger Log => logger;

    /// <summary>One run, with the services of its own scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Whether the first run comes at the start (as deployed) or one interval later (<see cref="BackgroundStart"/>).</summary>
    public bool FirstRunAtStart { get; init; } = BackgroundStart.AtOnce;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            if (FirstRunAtStart)
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One run now, its failure logged rather than thrown.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // A trace per run (when a collector listens) holds the run's queries and sends; the duration goes to the metrics.
        using var activity = HubTelemetry.Source.StartActivity(GetType().Name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "failed";
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            logger.LogWarning(e, "Could not {Job}; trying again in {Interval}.", Does, Interval);
        }
        HubTelemetry.JobRuns.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            HubTelemetry.Tag("job", GetType().Name), HubTelemetry.Tag("outcome", outcome));
    }
}
