using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

public enum ConfirmOutcome { Confirmed, AlreadyConfirmed, Expired, Invalid }

/// <summary>Confirms an address from the link in the sign-up email.</summary>
public sealed class ConfirmEmail(UserManager<HubUser> users, LinkTokens tokens)
{
    public async Task<(ConfirmOutcome Outcome, HubUser? User)> RunAsync(string? userId, string? code)
    {
        var token = AccountLinks.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return (ConfirmOutcome.Invalid, null);
        }
        if (user.EmailConfirmed)
        {
            return (ConfirmOutcome.AlreadyConfirmed, user);
        }
        var result = await users.ConfirmEmailAsync(user, token);
        if (result.Succeeded)
        {
            return (ConfirmOutcome.Confirmed, user);
        }
        var problem = await tokens.DiagnoseAsync(users, user, UserManager<HubUser>.ConfirmEmailTokenPurpose, token);
        return (problem == LinkProblem.Expired ? ConfirmOutcome.Expired : ConfirmOutcome.Invalid, user);
    }
}
