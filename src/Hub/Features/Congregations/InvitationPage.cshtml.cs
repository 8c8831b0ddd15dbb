using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>The page an invitation email links to. Accepting needs an account; declining needs nothing.</summary>
public sealed class InvitationModel(AcceptInvitation accept) : HubPageModel
{
    public InvitationState State { get; private set; }
    public Invitation? Invitation { get; private set; }

    [FromRoute]
    public string Token { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        (State, Invitation) = await accept.FindAsync(Token);
        if (Invitation is null || State != InvitationState.Open)
        {
            Response.StatusCode = Invitation is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        var (outcome, slug) = await accept.RunAsync(Token, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (outcome.Succeeded)
        {
            Notice = "Welcome! You are a member now.";
            return Redirect($"/congregations/{slug}");
        }
        ModelState.AddModelError("", outcome.Message);
        (State, Invitation) = await accept.FindAsync(Token);
        return Page();
    }
}
