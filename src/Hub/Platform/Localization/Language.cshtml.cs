using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// The footer's language switcher posts here, and so does the profile's language field: a visitor's choice is
/// kept in a cookie, a signed-in person's is saved with their account too (their emails follow it), and the
/// person goes back to the page they were on. The switcher is on pages the visitors' cache keeps, which must not
/// set cookies, so a visitor's form carries no anti-forgery token: a forged post can only change a visitor's
/// language. A signed-in person's form carries one, checked here before anything is saved.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LanguageModel(SaveLanguage save, IAntiforgery antiforgery) : HubPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken cancellationToken)
    {
        var code = Languages.Normalize(language, pseudo: false);
        if (code is null)
        {
            return BadRequest();
        }
        if (User.Identity?.IsAuthenticated == true && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }
            var outcome = await save.RunAsync(userId, code, cancellationToken);
            if (!outcome.Succeeded)
            {
                return BadRequest();
            }
        }
        Response.Cookies.Append(Languages.Cookie, code, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            HttpOnly = true,
            IsEssential = true,
        });
        return LocalRedirect(returnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
    }
}
