using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Identity's messages in the hub's plain words.</summary>
internal sealed class HubIdentityErrors(IStringLocalizer<Strings> strings) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = strings["Accounts.Identity.TooShort", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = strings["Accounts.Identity.UniqueChars", uniqueChars] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = strings["Accounts.Identity.Duplicate", email] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateEmail), Description = strings["Accounts.Identity.Duplicate", userName] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = strings["Accounts.Identity.InvalidEmail", email ?? ""] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = strings["Accounts.Identity.InvalidToken"] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = strings["Accounts.WrongPassword"] };
}
