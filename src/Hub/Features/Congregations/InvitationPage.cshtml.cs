using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Invitations;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// The page an invitation email links to. Only the account with the invited address can accept;
/// someone without an account makes one with that address here; someone signed in with another
/// address is told whom to ask. Declining needs nothing.
/// </summary>
public sealed class InvitationModel(AcceptInvitation accept, CreateInvitedAccount create, AccountSessions sessions,
    IStringLocalizer<Strings> t)
    : InvitedSignUpPageModel(create, sessions)
{
    public InvitationState State { get; private set; }
    public Invitation? Invitation { get; private set; }

    /// <summary>Signed in with an address other than the invited one: the page says whom to ask.</summary>
    public string? ForSomeoneElse { get; private set; }

    [FromRoute]
    public string Token { get; set; } = "";

    public override string InvitedEmail => Invitation?.Email ?? "";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        (State, Invitation) = await accept.FindAsync(Token);
        if (Invitation is null || State != InvitationState.Open)
        {
            Response.StatusCode = Invitation is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return;
        }
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } me && !await accept.IsForAsync(Invitation, me))
        {
            ForSomeoneElse = InvitationsFeature.ForSomeoneElse(await accept.InviterNameAsync(Invitation));
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        return await AcceptAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
    }

    /// <summary>No account yet: make one with the invited address, then accept.</summary>
    public async Task<IActionResult> OnPostSignUpAsync()
    {
        await LoadAsync();
        if (User.Identity?.IsAuthenticated == true || Invitation is null || State != InvitationState.Open)
        {
            return Page();
        }
        var user = await SignUpAndSignInAsync();
        return user is null ? Page() : await AcceptAsync(user.Id);
    }

    private async Task<IActionResult> AcceptAsync(string userId)
    {
        var (outcome, slug) = await accept.RunAsync(Token, userId);
        if (outcome.Succeeded)
        {
            Notice = t["Congregations.InvitationPage.Welcome"];
            return Redirect($"/congregations/{slug}");
        }
        await LoadAsync();
        if (ForSomeoneElse is null)
        {
            ModelState.AddModelError("", outcome.Message);
        }
        return Page();
    }
}
