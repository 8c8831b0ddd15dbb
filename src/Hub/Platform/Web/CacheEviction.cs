using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The one way to drop what this node keeps of a region (the visitors' pages tagged with it and the shared reads
/// of it), whether the change was saved here (<see cref="PublicPageCache"/>'s interceptor, the import's
/// <see cref="ForgetHandbookCopies"/>) or through another node (<see cref="NodeChannel"/>).
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, SharedReadCache reads)
{
    /// <summary>Every region, with the visitors' page-cache tag it also empties (none for the care view: it is never a visitor's page).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Regions = new Dictionary<string, string?>
    {
        [SharedReadCache.Congregations] = PublicPageCache.Tag,
        [SharedReadCache.Handbook] = PublicPageCache.HandbookTag,
        [SharedReadCache.Care] = null,
        [SharedReadCache.Conversations] = null, // members' pages only
        [SharedReadCache.Hosting] = null, // hosts' pages only
    };

    /// <summary>This node, so that it does not evict a second time what it evicted when it saved.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Says on PostgreSQL's channel that <paramref name="regions"/> changed, in one notice ("node:region,region"), on
    /// the caller's connection and in its transaction, if any.
    /// </summary>
    public Task TellOtherNodesAsync(DbContext context, IEnumerable<string> regions) =>
        context.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", NodeChannel.Channel, Notice(regions));

    /// <summary>The same, on a plain PostgreSQL connection (after work that passes no EF interceptor, such as the import).</summary>
    public async Task TellOtherNodesAsync(DbConnection connection, IEnumerable<string> regions)
    {
        await using var command = PlainConnections.Command(connection, null, "SELECT pg_notify(@channel, @payload)",
            ("channel", NodeChannel.Channel), ("payload", Notice(regions)));
        await command.ExecuteNonQueryAsync();
    }

    private string Notice(IEnumerable<string> regions) => Node + ":" + string.Join(',', regions);

    /// <summary>Empties the regions another node's notice names, unless the notice is this node's own.</summary>
    public async Task HeardAsync(string notice)
    {
        var separator = notice.IndexOf(':');
        if (separator <= 0 || notice[..separator] == Node)
        {
            return;
        }
        foreach (var region in notice[(separator + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            await EvictHereAsync(region);
        }
    }

    public async Task EvictHereAsync(string region)
    {
        if (!Regions.TryGetValue(region, out var tag))
        {
            return; // a region a newer node knows and this one does not keep
        }
        reads.Evict(region);
        if (tag is not null)
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
    }

    /// <summary>After a time of not hearing from the other nodes (a lost connection): anything may have changed.</summary>
    public async Task EvictEverythingHereAsync()
    {
        foreach (var region in Regions.Keys)
        {
            await EvictHereAsync(region);
        }
    }
}
