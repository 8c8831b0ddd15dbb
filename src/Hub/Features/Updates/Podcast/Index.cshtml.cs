using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Podcast;

/// <summary>Every episode, newest first, with the feed address for podcast apps.</summary>
public sealed class PodcastIndexModel(HubDbContext db, ViewerClock times, PublicAddress links, UpdatesFeeds feeds) : HubPageModel
{
    public IReadOnlyList<(Episode Episode, string When)> Episodes { get; private set; } = [];
    public bool IsAdmin => UpdatesAccess.IsAdmin(User);
    public string FeedUrl { get; private set; } = "";
    public string Title { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var zone = await times.ZoneAsync();
        var episodes = await db.Episodes.AsNoTracking().OrderByDescending(e => e.PublishedAt).Take(200).ToListAsync(cancellationToken);
        Episodes = [.. episodes.Select(e => (e, ViewerClock.DateIn(e.PublishedAt, zone)))];
        FeedUrl = links.Absolute("/podcast.xml");
        Title = feeds.PodcastTitle;
    }
}
