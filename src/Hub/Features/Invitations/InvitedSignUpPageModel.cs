using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// A page an invitation email links to, for someone who may have no account: it offers to make one
/// with the invited address (shown, not editable) and signs the person in, so they can accept at once.
/// </summary>
public abstract class InvitedSignUpPageModel(CreateInvitedAccount create, AccountSessions sessions) : HubPageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// <summary>The address the invitation was sent to: the account is made with it.</summary>
    public abstract string InvitedEmail { get; }

    /// <summary>Null, with the problems beside their fields, when the account could not be made.</summary>
    protected async Task<HubUser?> SignUpAndSignInAsync()
    {
        var result = await create.RunAsync(InvitedEmail, new CreateInvitedAccount.Input(DisplayName ?? "", Password ?? ""));
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field, message);
        }
        if (result.User is null)
        {
            return null;
        }
        // The browser's zone, as at sign-up: someone invited is not asked for it either.
        var services = HttpContext.RequestServices;
        if (services.GetRequiredService<ViewerClock>().BrowserZoneId is { } zone)
        {
            await services.GetRequiredService<People.SaveTimeZone>().RunAsync(result.User.Id, zone);
        }
        await sessions.StartAsync(result.User, persistent: false); // a session row, as every sign-in has: sign-out must end it
        return result.User;
    }
}
