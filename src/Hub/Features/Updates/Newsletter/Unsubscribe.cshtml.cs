using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Updates.Newsletter;

/// <summary>
/// The link in every issue. Opening it only asks (mail scanners open links); the POST leaves.
/// The POST is also RFC 8058's one-click endpoint, which mail clients call with no session and no
/// anti-forgery token: the unguessable token in the address is the whole authority, so a forged
/// request cannot unsubscribe anyone whose link the forger does not already hold.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class NewsletterUnsubscribeModel(ChangeSubscription change) : HubPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }
    public bool Left { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var subscriber = await change.FindAsync(Token, cancellationToken);
        Email = subscriber?.Email;
        Left = subscriber is not null && subscriber.UnsubscribedAt is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscriber = await change.UnsubscribeAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Email = subscriber.Email;
        Left = true;
        return Page();
    }
}
