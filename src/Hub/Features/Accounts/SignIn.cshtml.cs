using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class SignInModel(SignInPerson signIn, IStringLocalizer<Strings> strings) : HubPageModel
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
                ModelState.AddModelError("", strings["Accounts.SignIn.Paused"]);
                break;
            case SignInOutcome.NotConfirmed:
                NotConfirmed = true;
                ModelState.AddModelError("", strings["Accounts.SignIn.NotConfirmed"]);
                break;
            default:
                ModelState.AddModelError("", strings["Accounts.SignIn.Wrong"]);
                break;
        }
        return Page();
    }
}
