using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// What the directory and congregation pages read that is the same for every viewer (a page of the
/// directory, a congregation's member and host counts), kept for the same few seconds as the
/// visitors' page cache. The visitors' cache serves whole pages to people who are not signed in;
/// this one serves the shared data to signed-in members too, whose pages are still rendered for them
/// (their header, their membership, their buttons). Any saved change to a congregation, membership or
/// level empties it at once (<see cref="PublicPageCache"/>'s interceptor calls <see cref="Evict"/>).
/// </summary>
public sealed class CongregationReadCache(IMemoryCache cache, IConfiguration configuration)
{
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Web:PublicCacheSeconds", 5));
    private CancellationTokenSource changed = new();

    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<T>> load)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await load(); // turned off: every request reads the database
        }
        var token = changed.Token; // taken before loading, so a change during the load is not cached as current
        if (cache.TryGetValue(("congregations", key), out T? value) && value is not null)
        {
            return value;
        }
        value = await load();
        if (!token.IsCancellationRequested)
        {
            cache.Set(("congregations", key), value, new MemoryCacheEntryOptions()
                .SetAbsoluteExpiration(lifetime)
                .AddExpirationToken(new CancellationChangeToken(token)));
        }
        return value;
    }

    /// <summary>Drops everything: called after a change is saved.</summary>
    public void Evict()
    {
        var old = Interlocked.Exchange(ref changed, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }
}
