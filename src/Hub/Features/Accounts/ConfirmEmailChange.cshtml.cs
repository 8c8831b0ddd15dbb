using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

public sealed class ConfirmEmailChangeModel(ConfirmEmailChange confirm, AccountSessions sessions, UserManager<HubUser> users, IStringLocalizer<Strings> strings) : HubPageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public bool Good { get; private set; }

    public async Task OnGetAsync(string? user, string? email, string? code)
    {
        var outcome = await confirm.RunAsync(user, email, code);
        (Good, Title, Message) = outcome switch
        {
            EmailChangeOutcome.Changed => (true, strings["Accounts.Change.Confirmed"].Value, strings["Accounts.Change.ConfirmedText", email ?? ""].Value),
            EmailChangeOutcome.AlreadyChanged => (true, strings["Accounts.Change.Already"].Value, strings["Accounts.Change.AlreadyText", email ?? ""].Value),
            EmailChangeOutcome.Taken => (false, strings["Accounts.Change.Taken"].Value, strings["Accounts.Change.TakenText"].Value),
            EmailChangeOutcome.Expired => (false, strings["Accounts.Link.Expired"].Value, strings["Accounts.Change.ExpiredText"].Value),
            _ => (false, strings["Accounts.Link.Broken"].Value, strings["Accounts.Change.BrokenText"].Value),
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
