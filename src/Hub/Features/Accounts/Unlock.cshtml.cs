using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// The link in the "signing in was paused" email. Opening it shows one button; the POST lifts the
/// pause. A GET changes nothing because mail scanners open links, and this one works only once.
/// </summary>
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class UnlockModel(UnlockSignIn unlock, IStringLocalizer<Strings> strings) : HubPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrEmpty(Code))
        {
            Problem = strings["Accounts.Unlock.Broken"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await unlock.RunAsync(Code);
        if (outcome == UnlockOutcome.Unlocked)
        {
            Notice = strings["Accounts.Unlock.Done"];
            return Redirect("/account/sign-in");
        }
        Problem = strings[outcome == UnlockOutcome.Expired ? "Accounts.Unlock.Expired" : "Accounts.Unlock.Broken"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
