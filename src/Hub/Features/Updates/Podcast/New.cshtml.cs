using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Podcast;

/// <summary>Publishing an episode speaks for the whole network, so it is for administrators.</summary>
[Authorize(Roles = AccountsFeature.AdminRole)]
[RequestSizeLimit(2L * 1024 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * 1024 * 1024 * 1024)]
public sealed class PodcastNewModel(PublishEpisode publish) : HubPageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string ShowNotes { get; set; } = "";
    [BindProperty] public string Duration { get; set; } = "";
    [BindProperty] public IFormFile? Audio { get; set; }
    [BindProperty] public string? AudioUrl { get; set; }
    [BindProperty] public long? AudioLength { get; set; }
    [BindProperty] public string? VideoUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var stream = Audio?.OpenReadStream();
        var (outcome, slug) = await publish.RunAsync(User, new PublishEpisode.Input(
            Title, ShowNotes, Duration, AudioUrl, AudioLength, VideoUrl, Audio?.FileName, stream), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field, outcome.Message);
            return Page();
        }
        Notice = "Published: it is in the podcast feed, and chat rooms that follow episodes hear about it.";
        return Redirect($"/podcast/{slug}");
    }
}
