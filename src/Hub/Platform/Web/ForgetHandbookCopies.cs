using Microsoft.AspNetCore.OutputCaching;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Drops this node's kept copies of the handbook (visitors' pages, the shared reads of its sidebar, order and
/// redirects): what <see cref="PublicPageCache"/>'s interceptor does after a SaveChanges that touched the
/// handbook, for the import, which writes its rows with plain SQL and so passes no interceptor.
/// </summary>
public sealed class ForgetHandbookCopies(IOutputCacheStore store, SharedReadCache reads)
{
    public async Task RunAsync()
    {
        reads.Evict(SharedReadCache.Handbook);
        await store.EvictByTagAsync(PublicPageCache.HandbookTag, CancellationToken.None);
    }
}
