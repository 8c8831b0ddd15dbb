using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Sets a new password from a reset link; a used link stops working because the security stamp changes.</summary>
public sealed class ResetPassword(UserManager<HubUser> users, LinkTokens tokens)
{
    public sealed record Result(bool Succeeded, LinkProblem? LinkProblem, IReadOnlyList<string> PasswordErrors);

    public async Task<Result> RunAsync(string? userId, string? code, string password)
    {
        var token = AccountLinks.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return new Result(false, LinkProblem.Invalid, []);
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            // Whoever can read the mailbox may sign in again: lift a lockout from earlier wrong guesses.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return new Result(true, null, []);
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return new Result(false, await tokens.DiagnoseAsync(user, UserManager<HubUser>.ResetPasswordTokenPurpose, token), []);
        }
        return new Result(false, null, [.. result.Errors.Select(e => e.Description)]);
    }
}
