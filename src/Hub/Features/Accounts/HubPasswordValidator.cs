using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Refuses passwords that are long enough but easy to guess.</summary>
internal sealed class HubPasswordValidator(IStringLocalizer<Strings> strings) : IPasswordValidator<HubUser>
{
    // The most used passwords of at least 10 characters in public breach lists, and the hub's own words.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "0123456789", "12345678910", "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc", "password123",
        "password1234", "passw0rd123", "iloveyou123", "qwerty12345", "qwerty123456", "abcdefghij", "abc1234567",
        "0987654321", "1111111111", "0000000000", "123123123123", "football123", "princess123", "sunshine123",
        "welcome123", "welcome1234", "letmein123", "trustno1234", "administrator", "microsolidarity",
        "microsolidarity1", "microsolidarity123", "congregation", "passwordpassword", "changeme123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<HubUser> manager, HubUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // the length rule speaks for an empty one
        }
        var errors = new List<IdentityError>();
        if (Common.Contains(password) || password.Distinct().Count() <= 2)
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = strings["Accounts.Identity.TooCommon"] });
        }
        var localPart = user.Email?.Split('@')[0] ?? "";
        if (localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = strings["Accounts.Identity.ContainsEmail"] });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
