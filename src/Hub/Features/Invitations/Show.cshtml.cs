using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Features.Accounts;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// The page an emailed invitation to a crew or a dyad links to. It shows what the person is
/// invited to; someone without an account makes one with the invited address; someone signed in
/// with another address is told whom to ask and offered nothing to take.
/// </summary>
public sealed class EmailInvitationModel(AcceptEmailInvitation accept, CreateInvitedAccount create, AccountSessions sessions, UserManager<HubUser> users, IStringLocalizer<Strings> strings)
    : InvitedSignUpPageModel(create, sessions)
{
    [FromRoute]
    public string Token { get; set; } = "";

    public AcceptEmailInvitation.Details? Details { get; private set; }

    /// <summary>Signed in with an address other than the invited one.</summary>
    public bool ForSomeoneElse { get; private set; }

    public override string InvitedEmail => Details?.Invitation.Email ?? "";

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    private async Task<IActionResult> ShowAsync()
    {
        Details = await accept.FindAsync(Token);
        if (Details is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Details.State == InvitationState.Accepted && me is not null && Details.Invitation.AcceptedByUserId == me)
        {
            // The person who used it opens it again: take them to what it became.
            var (_, path) = await accept.RunAsync(Token, me);
            return Redirect(path!);
        }
        if (Details.State != InvitationState.Open)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (me is not null)
        {
            var email = (await users.GetUserAsync(User))?.Email;
            ForSomeoneElse = !InvitationsFeature.SameAddress(email, Details.Invitation.Email);
        }
        return Page();
    }

    /// <summary>Signed in with the invited address: the invitation becomes an ordinary one to answer.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null)
        {
            return Challenge();
        }
        return await AcceptAsync(me);
    }

    /// <summary>No account yet: make one with the invited address, then accept.</summary>
    public async Task<IActionResult> OnPostSignUpAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return await ShowAsync();
        }
        Details = await accept.FindAsync(Token);
        if (Details is null || Details.State != InvitationState.Open)
        {
            return await ShowAsync();
        }
        var user = await SignUpAndSignInAsync();
        if (user is null)
        {
            return Page();
        }
        return await AcceptAsync(user.Id);
    }

    private async Task<IActionResult> AcceptAsync(string userId)
    {
        var (outcome, path) = await accept.RunAsync(Token, userId);
        if (outcome.Succeeded)
        {
            Notice = strings["Invitations.Notice.HereItIs"];
            return Redirect(path!);
        }
        var result = await ShowAsync();
        if (!ForSomeoneElse)
        {
            ModelState.AddModelError("", outcome.Message);
        }
        return result;
    }
}
