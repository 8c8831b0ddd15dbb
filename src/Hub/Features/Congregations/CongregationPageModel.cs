using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Every page under /congregations/{slug} starts by loading the congregation and the viewer's place in it.</summary>
public abstract class CongregationPageModel(CongregationAccess access) : HubPageModel
{
    public CongregationView View { get; private set; } = null!;

    /// <summary>Null when the page may go on; otherwise the answer to give (404, sign in, 403).</summary>
    protected async Task<IActionResult?> LoadAsync(string slug, Func<CongregationView, bool>? allowed = null)
    {
        var view = await access.LoadAsync(slug, User, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        if (allowed is not null && !allowed(view))
        {
            return view.IsSignedIn ? Forbid() : Challenge();
        }
        return null;
    }

}
