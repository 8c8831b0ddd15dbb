using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

public sealed class ConfirmEmailChangeModel(ConfirmEmailChange confirm, AccountSessions sessions, UserManager<HubUser> users) : HubPageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public bool Good { get; private set; }

    public async Task OnGetAsync(string? user, string? email, string? code)
    {
        var outcome = await confirm.RunAsync(user, email, code);
        (Good, Title, Message) = outcome switch
        {
            EmailChangeOutcome.Changed => (true, "Your new address is confirmed", $"Your account now uses {email}. Sign in with it from now on."),
            EmailChangeOutcome.AlreadyChanged => (true, "Already done", $"Your account uses {email} already."),
            EmailChangeOutcome.Taken => (false, "That address is taken", "Another account uses this address now, so yours stays as it was."),
            EmailChangeOutcome.Expired => (false, "This link has expired", "Ask for the change again from your account page."),
            _ => (false, "This link does not work", "It is incomplete or was changed on the way. Ask for the change again from your account page."),
        };
        if (outcome == EmailChangeOutcome.Changed && User.Identity?.IsAuthenticated == true
            && await users.FindByIdAsync(user!) is { } changed && users.GetUserId(User) == changed.Id)
        {
            // Every session ended with the change; the device that confirmed it stays signed in, on a new session.
            await sessions.RenewAsync(changed);
        }
        if (!Good)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
