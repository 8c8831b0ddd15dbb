using Microsoft.AspNetCore.Identity;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Identity's messages in the hub's plain words.</summary>
internal sealed class HubIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Use at least {length} characters. A few unrelated words make a strong password that is easy to remember." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Use at least {uniqueChars} different characters." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"There is already an account for {email}. Sign in, or reset the password if you forgot it." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateEmail), Description = $"There is already an account for {userName}. Sign in, or reset the password if you forgot it." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = $"'{email}' is not an email address we can write to." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "This link is not valid. It may have been changed on the way; ask for a new one." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "That password is not right." };
}
