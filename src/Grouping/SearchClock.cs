using System.Diagnostics;

namespace Microsolidarity.Grouping;

/// <summary>
/// Decides when a search stops: time, iterations, stalls or cancellation. Reading the clock costs tens of
/// nanoseconds, little beside a search step, and a step of a big schedule can take milliseconds: read it every step.
/// </summary>
internal sealed class SearchClock(SearchOptions options, CancellationToken cancellation)
{
    private readonly Stopwatch watch = StartIfNotCancelled(cancellation);
    private long lastImprovement;

    public long Iteration { get; private set; }

    private static Stopwatch StartIfNotCancelled(CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        return Stopwatch.StartNew();
    }
    public TimeSpan Elapsed => watch.Elapsed;

    /// <summary>Counts one step and says whether another may follow.</summary>
    public bool Next()
    {
        Iteration++;
        if (Iteration > options.MaxIterations || Iteration - lastImprovement > options.StallIterations)
        {
            return false;
        }
        cancellation.ThrowIfCancellationRequested();
        return watch.Elapsed < options.TimeLimit;
    }

    public void Improved(string phase, double best)
    {
        lastImprovement = Iteration;
        options.Progress?.Report(new SearchProgress(phase, Iteration, best, watch.Elapsed));
    }
}
