namespace Microsolidarity.Hub.Tests;

/// <summary>
/// The real clock, moved forward when a test says time has passed, so a test sees a link, a pause or a
/// throttle run out without waiting for it. Swapped in as the hub's TimeProvider.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long shift;

    public void Advance(TimeSpan by) => Interlocked.Add(ref shift, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref shift));
}
