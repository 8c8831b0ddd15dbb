using System.Diagnostics;

namespace Microsolidarity.Grouping;

/// <summary>
/// Decides when a search stops: time, iterations, stalls or cancellation. Reading the clock costs more than a
/// search step on small instances, so it is read every 64 steps only.
/// </summary>
internal sealed class SearchClock(SearchOptions options, CancellationToken cancellation)
{
    private readonly Stopwatch watch = StartIfNotCancelled(cancellation);
    private long lastImprovement;
    private bool outOfTime;

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
        if ((Iteration & 63) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
            outOfTime = watch.Elapsed >= options.TimeLimit;
        }
        return !outOfTime;
    }

    public void Improved(string phase, double best)
    {
        lastImprovement = Iteration;
        options.Progress?.Report(new SearchProgress(phase, Iteration, best, watch.Elapsed));
    }
}
