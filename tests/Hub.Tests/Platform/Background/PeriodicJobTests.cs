using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsolidarity.Hub.Platform.Background;
using Microsolidarity.Hub.Tests.Platform.Web;

namespace Microsolidarity.Hub.Tests.Platform.Background;

/// <summary>
/// The loop every scheduled job shares (<see cref="PeriodicJob"/>), on a clock the test moves: each run
/// reports the time it saw, so a run at the wrong time, or one too many, shows as a wrong time.
/// </summary>
public sealed class PeriodicJobTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider clock = new(Start);
    private readonly ServiceProvider services = new ServiceCollection().BuildServiceProvider();
    private readonly LogRecorder log = new();

    public void Dispose()
    {
        services.Dispose();
        log.Dispose();
    }

    [Fact]
    public async Task Start_RunsAtOnceThenOncePerInterval()
    {
        using var job = new ReportingJob(services.GetRequiredService<IServiceScopeFactory>(), clock, log) { FirstRunAtStart = true };
        await job.StartAsync(CancellationToken.None);
        Assert.Equal(Start, await job.NextRunAsync());

        clock.Advance(Interval / 2);
        clock.Advance(Interval / 2);
        Assert.Equal(Start + Interval, await job.NextRunAsync()); // nothing ran half-way: that run would have come first

        clock.Advance(Interval);
        Assert.Equal(Start + 2 * Interval, await job.NextRunAsync());
        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start + 3 * Interval, await job.NextRunAsync());

        await job.StopAsync(CancellationToken.None);
        Assert.True(job.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Start_InTheTests_FirstRunsAfterOneInterval()
    {
        // The test process sets the switch (Hub.Tests.csproj), so a job made without saying otherwise waits.
        var timed = new TimerWatchingClock(clock);
        using var job = new ReportingJob(services.GetRequiredService<IServiceScopeFactory>(), timed, log);
        Assert.False(job.FirstRunAtStart);
        await job.StartAsync(CancellationToken.None);
        await timed.TimerMade.Task; // the loop starts on the thread pool: move the clock once its timer is set
        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start + Interval, await job.NextRunAsync()); // a run at the start would have come first
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Run_ThatFails_IsLoggedAndTheNextRunsAtItsTime()
    {
        using var job = new ReportingJob(services.GetRequiredService<IServiceScopeFactory>(), clock, log) { FailFirst = true, FirstRunAtStart = true };
        await job.StartAsync(CancellationToken.None);
        Assert.Equal(Start, await job.NextRunAsync());
        clock.Advance(Interval);
        Assert.Equal(Start + Interval, await job.NextRunAsync());
        await job.StopAsync(CancellationToken.None);

        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Could not report the time; trying again in 00:10:00.", warning.Message);
        Assert.IsType<InvalidOperationException>(warning.Exception);
    }

    /// <summary>The test's clock, telling when the job has made its timer.</summary>
    private sealed class TimerWatchingClock(FakeTimeProvider inner) : TimeProvider
    {
        public TaskCompletionSource TimerMade { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = inner.CreateTimer(callback, state, dueTime, period);
            TimerMade.TrySetResult();
            return timer;
        }
    }

    /// <summary>Reports the clock's time at each run; the first run can fail after reporting.</summary>
    private sealed class ReportingJob(IServiceScopeFactory scopes, TimeProvider clock, ILoggerProvider log)
        : PeriodicJob(scopes, clock, log.CreateLogger("job"))
    {
        private readonly Channel<DateTimeOffset> runs = Channel.CreateUnbounded<DateTimeOffset>();
        private int count;

        public bool FailFirst { get; init; }

        protected override TimeSpan Interval => PeriodicJobTests.Interval;

        protected override string Does => "report the time";

        protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            runs.Writer.TryWrite(Time.GetUtcNow());
            if (Interlocked.Increment(ref count) == 1 && FailFirst)
            {
                throw new InvalidOperationException("The first run fails.");
            }
            return Task.CompletedTask;
        }

        /// <summary>The time the next run saw (a guard of 30 s against a run that never comes, not a speed check).</summary>
        public async Task<DateTimeOffset> NextRunAsync() =>
            await runs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
