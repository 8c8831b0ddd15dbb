using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>A person's profile, showing each field only to those its owner chose.</summary>
public sealed class PersonModel(ProfileVisibility visibility) : HubPageModel
{
    public VisibleProfile Profile { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    public string Id { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var viewer = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var profile = await visibility.ForViewerAsync(id, viewer, cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        IsSelf = viewer == id;
        Id = id;
        return Page();
    }
}
