using System.Collections.Concurrent;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// What a decryption gave, kept for a minute on this node under its exact input: the sign-in cookie's ticket
/// (<c>KeptCookieTickets</c>) and the anti-forgery cookie's token (<see cref="KeptFormTokens"/>), each decrypted again
/// and again for the same few browsers. Callers keep only what decrypted, so nothing a stranger sends can fill the
/// memory or be answered from it, and hand out copies of what they keep. Bounded: past <see cref="Most"/> entries the
/// memory starts again.
/// </summary>
public sealed class KeptDecryptions<TKey, TValue>(IEqualityComparer<TKey> comparer) where TKey : notnull
{
    /// <summary>More than the browsers that reach one node within a minute.</summary>
    public const int Most = 10_000;
    private static readonly long Lifetime = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;
    private readonly ConcurrentDictionary<TKey, (TValue Value, long Until)> kept = new(comparer);

    public bool TryGet(TKey key, out TValue value)
    {
        if (kept.TryGetValue(key, out var entry) && entry.Until > Environment.TickCount64)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Keep(TKey key, TValue value)
    {
        if (kept.Count >= Most)
        {
            kept.Clear();
        }
        kept[key] = (value, Environment.TickCount64 + Lifetime);
    }
}
