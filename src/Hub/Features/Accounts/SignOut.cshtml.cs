using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Sign-out is a POST (with the anti-forgery token), so no link on another site can sign someone out.
/// It ends the session on the server, so a copy of the cookie is refused afterwards too.
/// </summary>
public sealed class SignOutModel(AccountSessions sessions) : HubPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndThisAsync(User);
        Notice = "You are signed out. See you soon.";
        return Redirect("/account/sign-in");
    }
}
