namespace Microsolidarity.Hub.Platform.Background;

/// <summary>
/// Wakes a background sender before its next poll, so a message saved now goes out now. Losing a
/// wake-up only costs one poll interval. Each sender has its own subclass, registered once.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0);

    public void Wake()
    {
        if (semaphore.CurrentCount == 0)
        {
            semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        semaphore.Dispose();
        GC.SuppressFinalize(this);
    }
}
