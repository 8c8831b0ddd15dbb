namespace Microsolidarity.Grouping;

/// <summary>
/// How long a search may run and where it starts. The same seed and the same iteration cap give the same
/// answer on any machine; a time limit alone gives the best answer this machine finds in that time.
/// </summary>
public sealed record SearchOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Wall-clock budget; the search returns its best so far when it runs out.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on search steps, for answers that must not depend on the machine's speed (tests).</summary>
    public long MaxIterations { get; init; } = long.MaxValue;

    /// <summary>Stop when the best has not improved for this many steps (a plateau rarely ends by waiting).</summary>
    public long StallIterations { get; init; } = long.MaxValue;

    public IProgress<SearchProgress>? Progress { get; init; }
}

/// <summary>What a running search reports: facilitators watch long formation runs move.</summary>
public readonly record struct SearchProgress(string Phase, long Iteration, double Best, TimeSpan Elapsed);
