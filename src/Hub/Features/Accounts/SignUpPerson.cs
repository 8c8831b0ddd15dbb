using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>
/// Creates an unconfirmed account and queues its confirmation email, in one transaction. An address that
/// has an account already gets the same answer, and its owner an email saying so: the page never tells
/// whether an address is known.
/// </summary>
public sealed class SignUpPerson(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <param name="ReturnUrl">Where the person was before signing up (a local address, checked by the page), carried in the confirmation link.</param>
    /// <param name="TimeZone">The zone the browser reported (or the person picked); empty to leave it unset.</param>
    public sealed record Input(string DisplayName, string Email, string Password, string? ReturnUrl = null, string? TimeZone = null);

    /// <summary>Errors keyed by the input they belong to ("" for the form as a whole).</summary>
    public sealed record Result(bool Succeeded, IReadOnlyList<(string Field, string Message)> Errors);

    public async Task<Result> RunAsync(Input input, CancellationToken cancellationToken = default)
    {
        var email = input.Email.Trim();
        var user = new HubUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            // The language of the page they signed up on: their emails come in it (the confirmation first) until
            // they choose another on their profile.
            Language = RecipientLanguage.OfThisRequest().Name,
        };
        // The password is judged before the address is looked at, so a weak one is refused the same way
        // whether or not the address has an account.
        var weak = new List<(string, string)>();
        var zone = TimeZones.Normalize(input.TimeZone);
        if (zone is null && !string.IsNullOrWhiteSpace(input.TimeZone))
        {
            weak.Add((nameof(Input.TimeZone), TimeZones.Refusal(strings, input.TimeZone)));
        }
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, input.Password);
            weak.AddRange(checkedPassword.Errors.Select(e => (FieldOf(e.Code), e.Description)));
        }
        if (weak.Count > 0)
        {
            return new Result(false, weak);
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            await TellOwnerAsync(existing, input.Password, input.ReturnUrl, cancellationToken);
            return new Result(true, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, input.Password);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with one address at the same moment: the unique index decides, and the
            // first one's confirmation email goes to that same address.
            return new Result(true, []);
        }
        if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new Result(true, []); // taken a moment ago by a sign-up like this one: the same answer
        }
        if (!created.Succeeded)
        {
            return new Result(false, [.. created.Errors.Select(e => (FieldOf(e.Code), e.Description))]);
        }
        if (zone is not null)
        {
            // Taken from the browser at sign-up, so the person's first pages and emails are in their time.
            db.Profiles.Add(new Profile { UserId = user.Id, TimeZone = zone, UpdatedAt = user.CreatedAt });
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        outbox.Enqueue(emails.Confirmation(user, token, input.ReturnUrl));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Wake();
        return new Result(true, []);
    }

    /// <summary>
    /// The page answers "check your email" as for a new account; the address's owner hears what happened
    /// (a fresh confirmation link if they never confirmed, which is most likely them trying again).
    /// </summary>
    private async Task TellOwnerAsync(HubUser owner, string password, string? returnUrl, CancellationToken cancellationToken)
    {
        users.PasswordHasher.HashPassword(owner, password); // costs what creating an account costs, so timing tells nothing either
        outbox.Enqueue(owner.EmailConfirmed
            ? emails.SignUpWithTakenAddress(owner)
            : emails.Confirmation(owner, await users.GenerateEmailConfirmationTokenAsync(owner), returnUrl));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => nameof(Input.Password),
        _ when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => nameof(Input.Email),
        _ => "",
    };
}
