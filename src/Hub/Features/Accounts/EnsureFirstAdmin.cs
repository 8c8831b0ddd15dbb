using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Configuration;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// On a hub with no administrator, creates one with a generated password and returns it so it can
/// be printed once. Nothing secret is ever stored in configuration or in git.
/// </summary>
public sealed class EnsureFirstAdmin(UserManager<HubUser> users, RoleManager<IdentityRole> roles, IOptions<HubOptions> hub, TimeProvider time)
{
    public async Task<(string Email, string Password)?> RunAsync()
    {
        if (!await roles.RoleExistsAsync(AccountsFeature.AdminRole))
        {
            await roles.CreateAsync(new IdentityRole(AccountsFeature.AdminRole));
        }
        if ((await users.GetUsersInRoleAsync(AccountsFeature.AdminRole)).Count > 0)
        {
            return null;
        }
        var email = hub.Value.AdminEmail;
        var password = GeneratePassword();
        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new HubUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Hub administrator",
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(admin, password));
        }
        else
        {
            Check(await users.RemovePasswordAsync(admin));
            Check(await users.AddPasswordAsync(admin, password));
        }
        Check(await users.AddToRoleAsync(admin, AccountsFeature.AdminRole));
        return (email, password);
    }

    /// <summary>Four groups of five letters and digits without look-alikes: about 100 bits.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4).Select(_ =>
            new string([.. Enumerable.Range(0, 5).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)])]));
        return string.Join('-', groups);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first administrator: " +
                string.Join("; ", result.Errors.Select(e => e.Description)) + " Check Hub:AdminEmail.");
        }
    }
}
