using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>
/// Confirming takes a button press, not just opening the link: mail scanners open links, and a
/// subscription must come from the person.
/// </summary>
public sealed class NewsletterConfirmModel(ChangeSubscription change) : HubPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var subscriber = await change.FindAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            return Page();
        }
        Email = subscriber.Email;
        Confirmed = subscriber.Receives;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscriber = await change.ConfirmAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            return Page();
        }
        Email = subscriber.Email;
        Confirmed = subscriber.Receives;
        return Page();
    }
}
