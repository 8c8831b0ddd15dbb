using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

public sealed class ConfirmEmailModel(ConfirmEmail confirm) : HubPageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public bool Good { get; private set; }

    public async Task OnGetAsync(string? user, string? code)
    {
        var (outcome, _) = await confirm.RunAsync(user, code);
        (Good, Title, Message) = outcome switch
        {
            ConfirmOutcome.Confirmed => (true, "Your email is confirmed", "Thank you. Your account is ready: sign in to find your way around."),
            ConfirmOutcome.AlreadyConfirmed => (true, "Already confirmed", "This link was used already and your address is confirmed. You can sign in."),
            ConfirmOutcome.Expired => (false, "This link has expired", "Confirmation links work for a limited time. Ask for a new one: it takes a moment."),
            _ => (false, "This link does not work", "The link is incomplete or was changed on the way. Copy the whole address from the email, or ask for a new link."),
        };
        if (!Good)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
