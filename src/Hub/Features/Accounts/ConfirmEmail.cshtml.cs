using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// The link in the sign-up email. Confirming is the first proof that the person holds the address, so it
/// also signs them in on this device, with a new session like any sign-in, and takes them home (or back
/// where they were when they chose to join): nobody types their password twice in a row. The link does
/// this once: a confirmed address only says so and offers to sign in.
/// </summary>
public sealed class ConfirmEmailModel(ConfirmEmail confirm, AccountSessions sessions, IStringLocalizer<Strings> strings) : HubPageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public bool Good { get; private set; }
    public bool SignedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? user, string? code, string? returnUrl)
    {
        var (outcome, person) = await confirm.RunAsync(user, code);
        if (outcome == ConfirmOutcome.Confirmed && person is not null)
        {
            if (User.Identity?.IsAuthenticated == true && User.FindFirstValue(ClaimTypes.NameIdentifier) != person.Id)
            {
                await sessions.EndThisAsync(User); // someone else was signed in on this device: their session ends here, not later
            }
            await sessions.StartAsync(person, persistent: false);
            Notice = strings["Accounts.Confirm.Welcome"];
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        SignedIn = outcome == ConfirmOutcome.AlreadyConfirmed && person is not null && User.FindFirstValue(ClaimTypes.NameIdentifier) == person.Id;
        (Good, Title, Message) = outcome switch
        {
            ConfirmOutcome.AlreadyConfirmed => (true, strings["Accounts.Confirm.Already"].Value, strings[SignedIn ? "Accounts.Confirm.AlreadySignedIn" : "Accounts.Confirm.AlreadyCanSignIn"].Value),
            ConfirmOutcome.Expired => (false, strings["Accounts.Link.Expired"].Value, strings["Accounts.Confirm.ExpiredText"].Value),
            _ => (false, strings["Accounts.Link.Broken"].Value, strings["Accounts.Confirm.BrokenText"].Value),
        };
        if (!Good)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
