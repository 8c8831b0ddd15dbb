using Microsolidarity.Hub.Platform.Data;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Drops every node's kept copies of the handbook (visitors' pages, the shared reads of its sidebar, order and
/// redirects): what <see cref="PublicPageCache"/>'s interceptor does after a SaveChanges that touched the
/// handbook, for the import, which writes its rows with plain SQL and so passes no interceptor. Called after
/// the import's commit.
/// </summary>
public sealed class ForgetHandbookCopies(CacheEviction eviction, PlainConnections connections)
{
    public async Task RunAsync()
    {
        await eviction.EvictHereAsync(SharedReadCache.Handbook);
        if (!connections.IsSqlite)
        {
            await using var connection = await connections.OpenAsync();
            await eviction.TellOtherNodesAsync(connection, [SharedReadCache.Handbook]);
        }
    }
}
