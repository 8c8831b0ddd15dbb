using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Sign-out is a POST (with the anti-forgery token), so no link on another site can sign someone out.
/// It ends the session on the server, so a copy of the cookie is refused afterwards too.
/// </summary>
public sealed class SignOutModel(AccountSessions sessions, IStringLocalizer<Strings> strings) : HubPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndThisAsync(User);
        Notice = strings["Accounts.SignOut.Done"];
        return Redirect("/account/sign-in");
    }
}
