using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Sign-out is a POST (with the anti-forgery token), so no link on another site can sign someone out.</summary>
public sealed class SignOutModel(SignInManager<HubUser> signIn) : HubPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Notice = "You are signed out. See you soon.";
        return Redirect("/account/sign-in");
    }
}
