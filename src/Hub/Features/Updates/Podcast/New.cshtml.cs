using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Podcast;

/// <summary>Publishing an episode speaks for the whole network, so it is for administrators.</summary>
[Authorize(Roles = HubRoles.Admin)]
[PodcastUploadLimit]
public sealed class PodcastNewModel(PublishEpisode publish, IStringLocalizer<Strings> strings) : HubPageModel
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
        // The operation says what is missing, in the reader's words; the framework's implicit "The X field is required."
        // for an empty text (in English) would only repeat it.
        ModelState.Clear();
        await using var stream = Audio?.OpenReadStream();
        var (outcome, slug) = await publish.RunAsync(User, new PublishEpisode.Input(
            Title, ShowNotes, Duration, AudioUrl, AudioLength, VideoUrl, Audio?.FileName, stream, Audio?.Length), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Field, outcome.Message);
            if (Audio is { } audio && audio.Length > publish.MaxUploadBytes)
            {
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
            return Page();
        }
        Notice = strings["Updates.New.Published"];
        return Redirect($"/podcast/{slug}");
    }
}

/// <summary>The podcast form takes a file of up to Updates:Podcast:MaxUploadMegabytes, and no more is read.</summary>
internal sealed class PodcastUploadLimitAttribute : UploadLimitAttribute
{
    protected override long MaxFileBytes(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UpdatesOptions>>().Value.Podcast.MaxUploadBytes;
}
