using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.People;

/// <summary>
/// Choosing the zone times are shown in: saved in the profile for a signed-in person, kept in a cookie
/// for a visitor. Also answers the layout's offer to take this device's zone ("use" or "keep mine").
/// </summary>
public sealed class TimeZoneModel(SaveTimeZone save, ViewerClock clock, IStringLocalizer<Strings> strings) : HubPageModel
{
    [BindProperty]
    public string? Zone { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public ViewerClock Clock => clock;

    public async Task OnGetAsync(string? returnUrl)
    {
        await clock.ZoneAsync();
        Zone = clock.HasZone ? clock.Zone.Id : clock.BrowserZoneId;
        ReturnUrl = returnUrl;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        Outcome outcome;
        if (userId is not null)
        {
            outcome = await save.RunAsync(userId, Zone, cancellationToken);
        }
        else if (TimeZones.Normalize(Zone) is { } id)
        {
            Response.Cookies.Append(ViewerClock.ChosenCookie, id, Cookie());
            outcome = Outcome.Done;
        }
        else
        {
            outcome = Outcome.Refused(TimeZones.Refusal(strings, Zone), "Zone");
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            await clock.ZoneAsync();
            return Page();
        }
        Notice = strings["People.Zone.Saved", TimeZones.Normalize(Zone) ?? ""];
        return Redirect(Back());
    }

    /// <summary>"Keep mine": the offer stays away until this device reports yet another zone.</summary>
    public IActionResult OnPostKeep()
    {
        if (TimeZones.Normalize(Zone) is { } id)
        {
            Response.Cookies.Append(ViewerClock.KeptCookie, id, Cookie());
        }
        return Redirect(Back());
    }

    private string Back() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/time-zone";

    private CookieOptions Cookie() => new()
    {
        MaxAge = TimeSpan.FromDays(365),
        SameSite = SameSiteMode.Lax,
        Secure = Request.IsHttps,
        HttpOnly = true,
        IsEssential = true,
    };
}
