using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// The link in the "signing in was paused" email. Opening it shows one button; the POST lifts the
/// pause. A GET changes nothing because mail scanners open links, and this one works only once.
/// </summary>
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class UnlockModel(UnlockSignIn unlock) : HubPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrEmpty(Code))
        {
            Problem = BrokenLink;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await unlock.RunAsync(Code);
        if (outcome == UnlockOutcome.Unlocked)
        {
            Notice = "Signing in works again. Welcome back.";
            return Redirect("/account/sign-in");
        }
        Problem = outcome == UnlockOutcome.Expired
            ? "This link has expired. If signing in is still paused, choose a new password: that lifts the pause too."
            : BrokenLink;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private const string BrokenLink = "This link does not work: it was used already, or it is incomplete. " +
        "If signing in is still paused, choose a new password: that lifts the pause too.";
}
