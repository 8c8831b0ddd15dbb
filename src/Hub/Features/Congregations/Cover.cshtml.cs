using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The cover image, to whoever may see the congregation's page (everyone: the page's name and purpose are public too).</summary>
public sealed class CoverModel(CongregationAccess access, IFileStore files) : CongregationPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug) is { } refused)
        {
            return refused;
        }
        if (CoverImages.KeyOf(View.Congregation.CoverFile) is not { } key
            || await StoredFiles.ResultAsync(files, key, "image/jpeg", cancellationToken) is not { } cover)
        {
            return NotFound();
        }
        // Each upload gets a new name (the page links ?v=name), so a day of caching never shows an old cover for long.
        Response.Headers.CacheControl = "public, max-age=86400";
        return cover;
    }
}
