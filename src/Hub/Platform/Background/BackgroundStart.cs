namespace Microsolidarity.Hub.Platform.Background;

/// <summary>
/// When the hub's background work first looks for something to do: at the start, as deployed, or one interval
/// later, which the integration tests ask for with an AppContext switch. .NET starts a background service's loop
/// on the thread pool, and a busy machine can delay that first look until after a test has made the work it then
/// does by hand (a round to introduce, an email to try): the two would meet over the same rows.
/// </summary>
public static class BackgroundStart
{
    public const string FirstRunAfterIntervalSwitch = "Microsolidarity.Hub.Background.FirstRunAfterInterval";

    /// <summary>Whether the first run comes at the start (true unless the switch above is set).</summary>
    public static bool AtOnce => !(AppContext.TryGetSwitch(FirstRunAfterIntervalSwitch, out var later) && later);
}
