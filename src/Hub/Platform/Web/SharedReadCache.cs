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

    /// <summary>A space's list of conversations (threads, their starters and counts of live posts), kept per space.</summary>
    public const string Conversations = "conversations";

    /// <summary>What a congregation's care view reads: memberships, crews and their members and meetings, notes from hosts, answers to gatherings, open calls.</summary>
    public const string Care = "care";

    /// <summary>What a congregation's host dashboard reads: requests to join, open invitations, proposed events, what hosts did, care contacts.</summary>
    public const string Hosting = "hosting";

    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Web:PublicCacheSeconds", 5));
    private readonly Dictionary<string, CancellationTokenSource> regions = new()
    {
        [Congregations] = new(),
        [Handbook] = new(),
        [Care] = new(),
        [Conversations] = new(),
        [Hosting] = new(),
    };
    private readonly Dictionary<string, long> versions = new() { [Congregations] = 0, [Handbook] = 0, [Care] = 0, [Conversations] = 0, [Hosting] = 0 };
    private readonly Lock swap = new();

    /// <summary>
    /// The kept value, or <paramref name="load"/>'s. Requests that miss at the same moment share one
    /// load (the task is kept, not only its result), so an expired entry under load is read once, not
    /// once per waiting request. A load that fails or is cancelled with its request is not shared:
    /// each waiting request then loads for itself.
    /// </summary>
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
        if (cache.TryGetValue(entry, out Task<T>? shared) && shared is not null)
        {
            if (shared.IsCompletedSuccessfully)
            {
                return shared.Result;
            }
            if (!shared.IsCompleted)
            {
                try
                {
                    return await shared;
                }
                catch when (!shared.IsCompletedSuccessfully)
                {
                    // the request that started it went away or failed: load below, for this request
                }
            }
            return await load();
        }
        var loading = load();
        // A change saved while loading cancels the token and so drops this entry at once.
        _ = cache.Set(entry, loading, new MemoryCacheEntryOptions()
            .SetAbsoluteExpiration(lifetime)
            .AddExpirationToken(new CancellationChangeToken(token)));
        T value;
        try
        {
            value = await loading;
        }
        catch
        {
            Forget(entry, loading);
            throw;
        }
        if (value is null)
        {
            Forget(entry, loading); // nothing found is not kept: it may exist a moment later
        }
        return value;
    }

    private void Forget<T>((string, string) entry, Task<T> loading)
    {
        if (cache.TryGetValue(entry, out Task<T>? current) && current == loading)
        {
            cache.Remove(entry);
        }
    }

    /// <summary>How long an entry is kept when no change is saved; zero when the caches are turned off.</summary>
    public TimeSpan Lifetime => lifetime;

    /// <summary>
    /// Cancelled when a change to the region is saved on this node: for something kept longer than an
    /// entry here (the drawn network map), which must still be dropped at once on a change.
    /// </summary>
    public CancellationToken ChangeToken(string region)
    {
        lock (swap)
        {
            return regions[region].Token;
        }
    }

    /// <summary>
    /// A number that changes whenever the region is emptied: part of the key of a rendered fragment kept by
    /// ASP.NET's <c>&lt;cache&gt;</c> tag helper, which takes no change token, so a saved change is not served from it.
    /// </summary>
    public long Version(string region)
    {
        lock (swap)
        {
            return versions[region];
        }
    }

    /// <summary>Drops everything kept in the region: called after a change to it is saved.</summary>
    public void Evict(string region)
    {
        CancellationTokenSource old;
        lock (swap)
        {
            old = regions[region];
            regions[region] = new();
            versions[region]++;
        }
        old.Cancel();
        old.Dispose();
    }
}
