using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// Every decision page starts here. Each page has three addresses, one under a congregation
/// (<c>/congregations/{slug}/decisions…</c>), one under its working groups
/// (<c>/congregations/{slug}/working-groups/{group}/decisions…</c>) and one under a crew (<c>/crews/{id}/decisions…</c>),
/// the last two added in <see cref="DecisionsFeature"/>: the route says which circle the decisions belong to.
/// </summary>
public abstract class DecisionPageModel(DecisionAccess access) : HubPageModel
{
    public DecisionCircle Circle { get; private set; } = null!;

    /// <summary>Null when the page may go on; otherwise the answer to give (404, sign in, 403).</summary>
    protected async Task<IActionResult?> LoadCircleAsync(Func<DecisionCircle, bool>? allowed = null)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        DecisionCircle? circle;
        if (RouteData.Values["slug"] is string groupSlug && Guid.TryParse(RouteData.Values["group"]?.ToString(), out var groupId))
        {
            circle = await access.ForWorkingGroupAsync(groupSlug, groupId, User, HttpContext.RequestAborted);
            if (circle is null)
            {
                return NotFound();
            }
        }
        else if (RouteData.Values["slug"] is string slug)
        {
            circle = await access.ForCongregationAsync(slug, User, HttpContext.RequestAborted);
            if (circle is null)
            {
                return NotFound();
            }
        }
        else if (Guid.TryParse(RouteData.Values["id"]?.ToString(), out var crewId))
        {
            // A crew's decisions are its people's: to anyone else the crew is not there at all.
            circle = await access.ForCrewAsync(crewId, User, HttpContext.RequestAborted);
            if (circle is null)
            {
                return signedIn ? NotFound() : Challenge();
            }
        }
        else
        {
            return NotFound();
        }
        Circle = circle;
        if (!circle.CanSee)
        {
            return signedIn ? Forbid() : Challenge();
        }
        return allowed is null || allowed(circle) ? null : Forbid();
    }
}
