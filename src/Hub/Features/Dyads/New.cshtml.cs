using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Dyads;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.People;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Dyads;

[Authorize]
public sealed class NewDyadModel(ProposeDyad propose, PeopleToPick people, IStringLocalizer<Strings> strings) : HubPageModel
{
    [BindProperty] public string? PartnerEmail { get; set; }
    [BindProperty] public DyadKind Kind { get; set; } = DyadKind.PeerCoaching;
    [BindProperty] public int Weeks { get; set; } = 8;
    [BindProperty] public string? Intention { get; set; }

    /// <summary>The people one shares a congregation with, to pick a partner from.</summary>
    public IReadOnlyList<PeopleToPick.Person> People { get; private set; } = [];

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await people.ListAsync(Me, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var choice = await people.ResolveAsync(Me, PartnerEmail, cancellationToken);
        var outcome = choice is null ? Outcome.Refused(PeopleToPick.Refusal(strings, PartnerEmail), "PartnerEmail")
            : (await propose.RunAsync(Me, choice, Kind, Weeks, Intention ?? "", cancellationToken)).Outcome;
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            People = await people.ListAsync(Me, cancellationToken: cancellationToken);
            return Page();
        }
        // The same answer whether the address has an account or not.
        Notice = strings["Dyads.New.Sent", choice!.Shown];
        return Redirect("/dyads");
    }
}
