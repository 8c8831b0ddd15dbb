using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class SignInModel(SignInPerson signIn) : HubPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.EnterEmail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.EnterPassword")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NotConfirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await signIn.RunAsync(Input.Email, Input.Password, Input.RememberMe, HttpContext.Connection.RemoteIpAddress);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                // Back where the person was, or their home; never another site, whatever the link said.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.Paused:
                // Said the same way whether or not the address has an account.
                ModelState.AddModelError("", "Too many wrong passwords from here: signing in with this address is paused for a while to keep the account safe. " +
                    "If the account is yours, we emailed you a link that lifts the pause; you can also choose a new password.");
                break;
            case SignInOutcome.NotConfirmed:
                NotConfirmed = true;
                ModelState.AddModelError("", "Please confirm your email address first: open the link we sent when you signed up.");
                break;
            default:
                ModelState.AddModelError("", "The email address or the password is not right.");
                break;
        }
        return Page();
    }
}
