namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// One image decoded per person per minute (a profile photo; a cover has its own count). Decoding is the costly step of an upload, and nobody
/// needs to change their photo more often; the limit keeps one account from keeping the server busy.
/// Kept in memory: after a restart everyone may upload at once, which is harmless.
/// </summary>
public sealed class PhotoUploadThrottle(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, DateTimeOffset> last = [];
    private readonly Lock gate = new();

    /// <summary>Whether this person uploaded less than a minute ago (nothing is counted).</summary>
    public bool MustWait(string userId)
    {
        lock (gate)
        {
            return last.TryGetValue(userId, out var at) && time.GetUtcNow() - at < Interval;
        }
    }

    /// <summary>Counts an upload about to be decoded; false when this person must wait.</summary>
    public bool TryTake(string userId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (last.TryGetValue(userId, out var at) && now - at < Interval)
            {
                return false;
            }
            if (last.Count >= 1000)
            {
                foreach (var stale in last.Where(p => now - p.Value >= Interval).Select(p => p.Key).ToList())
                {
                    last.Remove(stale);
                }
            }
            last[userId] = now;
            return true;
        }
    }
}
