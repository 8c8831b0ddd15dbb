using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// Every conversation page starts here. Each page has four addresses: under a congregation
/// (<c>/congregations/{slug}/conversations…</c>), one of its working groups
/// (<c>/congregations/{slug}/working-groups/{group}/conversations…</c>), a crew (<c>/crews/{crew}/conversations…</c>)
/// a dyad (<c>/dyads/{dyad}/conversations…</c>) and the network's hosts (<c>/network/conversations…</c>; the last four
/// added in <see cref="ConversationsFeature"/>).
/// </summary>
public abstract class ConversationPageModel(ConversationAccess access) : HubPageModel
{
    public ConversationSpace Space { get; private set; } = null!;

    protected ConversationAccess Access => access;

    /// <summary>Null when the page may go on; otherwise the answer to give (404, sign in, 403).</summary>
    protected async Task<IActionResult?> LoadSpaceAsync()
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        ConversationSpace? space;
        if (Request.Path.StartsWithSegments(NetworkHosts.BasePath))
        {
            space = await access.ForNetworkHostsAsync(User, HttpContext.RequestAborted);
        }
        else if (RouteData.Values["slug"] is string groupSlug && Guid.TryParse(RouteData.Values["group"]?.ToString(), out var groupId))
        {
            space = await access.ForWorkingGroupAsync(groupSlug, groupId, User, HttpContext.RequestAborted);
        }
        else if (RouteData.Values["slug"] is string slug)
        {
            space = await access.ForCongregationAsync(slug, User, HttpContext.RequestAborted);
            if (space is null)
            {
                return NotFound();
            }
        }
        else if (Guid.TryParse(RouteData.Values["crew"]?.ToString(), out var crewId))
        {
            // A crew's conversations are its people's: to anyone else, administrators too, the crew is not there.
            space = await access.ForCrewAsync(crewId, me, HttpContext.RequestAborted);
        }
        else if (Guid.TryParse(RouteData.Values["dyad"]?.ToString(), out var dyadId))
        {
            space = await access.ForDyadAsync(dyadId, me, HttpContext.RequestAborted);
        }
        else
        {
            return NotFound();
        }
        if (space is null)
        {
            return signedIn ? NotFound() : Challenge();
        }
        Space = space;
        if (!space.IsMember)
        {
            return signedIn ? Forbid() : Challenge();
        }
        NotKept.Say(Response);
        return null;
    }
}
