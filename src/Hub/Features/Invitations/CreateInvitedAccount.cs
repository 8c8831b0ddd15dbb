using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Invitations;

/// <summary>
/// Makes an account for a person who opened an emailed invitation and has none yet. The address is
/// the invited one and cannot be changed here; it counts as confirmed, because the single-use link
/// was sent to it and only arrives there (just as a confirmation link would). Sign-up elsewhere
/// (<see cref="Accounts.SignUpPerson"/>) stays as it is: it must not say whether an address is taken,
/// whereas here the invitation already names the address to the one who holds its link.
/// </summary>
public sealed class CreateInvitedAccount(UserManager<HubUser> users, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public sealed record Input(string DisplayName, string Password);

    /// <summary>The new account, or the problems keyed by field ("" for the form as a whole).</summary>
    public sealed record Result(HubUser? User, IReadOnlyList<(string Field, string Message)> Errors);

    public async Task<Result> RunAsync(string invitedEmail, Input input)
    {
        List<(string, string)> problems = [];
        var name = input.DisplayName.Trim();
        if (name.Length == 0)
        {
            problems.Add((nameof(Input.DisplayName), strings["Validation.Name"]));
        }
        else if (name.Length > 100)
        {
            problems.Add((nameof(Input.DisplayName), strings["Validation.NameLength"]));
        }
        if (input.Password.Length == 0)
        {
            problems.Add((nameof(Input.Password), strings["Validation.ChoosePassword"]));
        }
        else if (input.Password.Length > 200)
        {
            problems.Add((nameof(Input.Password), strings["Validation.PasswordLength"]));
        }
        if (problems.Count > 0)
        {
            return new Result(null, problems);
        }
        var email = invitedEmail.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new Result(null, [("", strings["Invitations.AccountExists"])]);
        }
        var user = new HubUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, input.Password);
        }
        catch (DbUpdateException)
        {
            // The same address signed up at the same moment: the unique index decides.
            return new Result(null, [("", strings["Invitations.AccountExists"])]);
        }
        if (!created.Succeeded)
        {
            return new Result(null, [.. created.Errors.Select(e => (FieldOf(e.Code), e.Description))]);
        }
        return new Result(user, []);
    }

    /// <summary>The address is not a field here (it is the invited one), so its errors belong to the form.</summary>
    private static string FieldOf(string code) => code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Input.Password) : "";
}
