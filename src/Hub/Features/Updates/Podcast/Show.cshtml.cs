using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Podcast;

/// <summary>One episode: a player, the show notes and the video when there is one.</summary>
public sealed class PodcastShowModel(HubDbContext db, ViewerClock times, PublicAddress links) : HubPageModel
{
    public Episode Episode { get; private set; } = null!;
    public string When { get; private set; } = "";
    public string AudioUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var episode = await db.Episodes.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (episode is null)
        {
            return NotFound();
        }
        Episode = episode;
        When = ViewerClock.FormatIn(episode.PublishedAt, await times.ZoneAsync());
        AudioUrl = episode.AudioFile is not null ? $"/podcast/audio/{Uri.EscapeDataString(episode.AudioFile)}" : UpdatesFeeds.AudioAddress(episode, links);
        SecurityHeaders.AllowMediaFrom(Response, AudioUrl); // the player streams from the podcast's own audio host
        return Page();
    }
}
