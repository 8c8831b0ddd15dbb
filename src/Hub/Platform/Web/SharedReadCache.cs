using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// What pages read that is the same for every viewer (a page of the congregation directory, a
/// congregation and its levels, its member and host counts, the handbook's sidebar and page list),
/// kept for the same few seconds as the visitors' page cache (<c>Web:PublicCacheSeconds</c>). The
/// visitors' cache serves whole pages to people who are not signed in; this one serves the shared
/// data to signed-in people too, whose pages are still rendered for them (their header, their
/// membership, their buttons). Entries belong to a region; a saved change empties its region at once
/// (<see cref="PublicPageCache"/>'s interceptor calls <see cref="Evict"/>). Returned objects are
/// shared between requests: never change them.
/// </summary>
public sealed class SharedReadCache(IMemoryCache cache, IConfiguration configuration)
{
    public const string Congregations = "congregations";
    public const string Handbook = "handbook";

    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Web:PublicCacheSeconds", 5));
    private readonly Dictionary<string, CancellationTokenSource> regions = new()
    {
        [Congregations] = new(),
        [Handbook] = new(),
    };
    private readonly Lock swap = new();

    public async Task<T> GetOrLoadAsync<T>(string region, string key, Func<Task<T>> load)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await load(); // turned off: every request reads the database
        }
        CancellationToken token;
        lock (swap)
        {
            token = regions[region].Token; // taken before loading, so a change during the load is not kept as current
        }
        var entry = (region, key);
        if (cache.TryGetValue(entry, out T? value) && value is not null)
        {
            return value;
        }
        value = await load();
        if (!token.IsCancellationRequested)
        {
            cache.Set(entry, value, new MemoryCacheEntryOptions()
                .SetAbsoluteExpiration(lifetime)
                .AddExpirationToken(new CancellationChangeToken(token)));
        }
        return value;
    }

    /// <summary>Drops everything kept in the region: called after a change to it is saved.</summary>
    public void Evict(string region)
    {
        CancellationTokenSource old;
        lock (swap)
        {
            old = regions[region];
            regions[region] = new();
        }
        old.Cancel();
        old.Dispose();
    }
}
