using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Dyads;

[Authorize]
public sealed class NewDyadModel(ProposeDyad propose) : HubPageModel
{
    [BindProperty] public string? PartnerEmail { get; set; }
    [BindProperty] public DyadKind Kind { get; set; } = DyadKind.PeerCoaching;
    [BindProperty] public int Weeks { get; set; } = 8;
    [BindProperty] public string? Intention { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (outcome, _) = await propose.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, PartnerEmail ?? "", Kind, Weeks, Intention ?? "", cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            return Page();
        }
        // The same answer whether the address has an account or not.
        Notice = $"Proposal sent to {PartnerEmail?.Trim()}. They are free to say yes or no.";
        return Redirect("/dyads");
    }
}
