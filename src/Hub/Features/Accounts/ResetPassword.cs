using Microsoft.AspNetCore.Identity;
using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Sets a new password from a reset link and ends every session of the account. A used link stops
/// working because the security stamp changes.
/// </summary>
public sealed class ResetPassword(UserManager<HubUser> users, LinkTokens tokens, AccountSessions sessions, SignInAttempts attempts)
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
            // Whoever holds the old password (or a copied cookie) is out: every session ends.
            await sessions.EndAllAsync(user.Id);
            // Whoever can read the mailbox may sign in again: lift pauses from earlier wrong guesses.
            await attempts.ForgetAllAsync(SignInAttempts.AccountKey(user.NormalizedEmail ?? ""));
            return new Result(true, null, []);
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return new Result(false, await tokens.DiagnoseAsync(users, user, UserManager<HubUser>.ResetPasswordTokenPurpose, token), []);
        }
        return new Result(false, null, [.. result.Errors.Select(e => e.Description)]);
    }
}
