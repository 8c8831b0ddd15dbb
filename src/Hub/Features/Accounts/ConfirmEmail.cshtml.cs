using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// The link in the sign-up email. Confirming is the first proof that the person holds the address, so it
/// also signs them in on this device, with a new session like any sign-in, and takes them home (or back
/// where they were when they chose to join): nobody types their password twice in a row. The link does
/// this once: a confirmed address only says so and offers to sign in.
/// </summary>
public sealed class ConfirmEmailModel(ConfirmEmail confirm, AccountSessions sessions) : HubPageModel
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
            Notice = "Your email address is confirmed and you are signed in. Welcome!";
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        SignedIn = outcome == ConfirmOutcome.AlreadyConfirmed && person is not null && User.FindFirstValue(ClaimTypes.NameIdentifier) == person.Id;
        (Good, Title, Message) = outcome switch
        {
            ConfirmOutcome.AlreadyConfirmed => (true, "Already confirmed", SignedIn
                ? "This link was used already and your address is confirmed. You are signed in."
                : "This link was used already and your address is confirmed. You can sign in."),
            ConfirmOutcome.Expired => (false, "This link has expired", "Confirmation links work for a limited time. Ask for a new one: it takes a moment."),
            _ => (false, "This link does not work", "The link is incomplete or was changed on the way. Copy the whole address from the email, or ask for a new link."),
        };
        if (!Good)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
