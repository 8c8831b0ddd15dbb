using Microsolidarity.Grouping;

namespace Microsolidarity.Hub.Platform.Configuration;

/// <summary>
/// How long the searches behind a formation round and a practice program may run (settings under Formation:).
/// A host waits on the POST, so the default is about a second of search. An iteration cap makes the answer
/// the same on any machine, however busy: the test suite sets one so that a result never depends on how
/// fast a shared machine happened to be, and so that it does not spend a second per search.
/// </summary>
public sealed class FormationOptions
{
    public const string Section = "Formation";

    /// <summary>Wall-clock budget of one search, in milliseconds.</summary>
    public int SearchMilliseconds { get; set; } = 1000;

    /// <summary>Cap on the search's steps; 0 means no cap (the time budget alone ends it).</summary>
    public long SearchIterations { get; set; }

    public SearchOptions Search(int seed) => new()
    {
        Seed = seed,
        TimeLimit = TimeSpan.FromMilliseconds(SearchMilliseconds),
        MaxIterations = SearchIterations > 0 ? SearchIterations : long.MaxValue,
    };
}
