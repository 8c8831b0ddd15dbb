namespace Microsolidarity.Hub.Platform.Background;

/// <summary>How long an outbox waits before trying a failed row again: the same rule for every outbox.</summary>
public static class Backoff
{
    /// <summary>No wait is longer than this, however many attempts failed.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>
    /// After the first failed attempt <paramref name="first"/>, after each further one twice as long as
    /// before, never more than <see cref="Longest"/>: with 30 s, that is 30 s, 1 min, 2 min ... 1 h.
    /// </summary>
    public static TimeSpan After(int attempts, TimeSpan first) =>
        TimeSpan.FromMilliseconds(Math.Min(Longest.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
