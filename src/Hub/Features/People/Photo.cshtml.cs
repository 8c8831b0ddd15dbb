using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Files;

namespace Microsolidarity.Hub.Features.People;

/// <summary>A person's photo, under the same visibility rule as the rest of their profile: 404 to whoever may not see it.</summary>
public sealed class PhotoModel(ProfileVisibility visibility, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var profile = await visibility.ForViewerAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (SetProfilePhoto.KeyOf(profile?.PhotoFile ?? "") is not { } key
            || await StoredFiles.ResultAsync(files, key, "image/jpeg", cancellationToken) is not { } photo)
        {
            return NotFound();
        }
        // Private: visibility depends on who asks, so no shared cache may keep it. The file name changes with each upload.
        Response.Headers.CacheControl = "private, max-age=3600";
        return photo;
    }
}
