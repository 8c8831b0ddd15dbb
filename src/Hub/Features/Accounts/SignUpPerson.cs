using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Email;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Creates an unconfirmed account and queues its confirmation email, in one transaction.</summary>
public sealed class SignUpPerson(UserManager<HubUser> users, HubDbContext db, EmailOutbox outbox, AccountEmails emails, TimeProvider time)
{
    public sealed record Input(string DisplayName, string Email, string Password);

    /// <summary>Errors keyed by the input they belong to ("" for the form as a whole).</summary>
    public sealed record Result(bool Succeeded, IReadOnlyList<(string Field, string Message)> Errors);

    public async Task<Result> RunAsync(Input input, CancellationToken cancellationToken = default)
    {
        var email = input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return Fail(nameof(Input.Email), existing.EmailConfirmed
                ? "There is already an account for this address. Sign in, or reset the password if you forgot it."
                : "This address signed up already and is waiting for its confirmation. We can send the link again.");
        }

        var user = new HubUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, input.Password);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with one address at the same moment: the unique index decides.
            return Fail(nameof(Input.Email), "There is already an account for this address. Sign in, or reset the password if you forgot it.");
        }
        if (!created.Succeeded)
        {
            return new Result(false, [.. created.Errors.Select(e => (FieldOf(e.Code), e.Description))]);
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        outbox.Enqueue(emails.Confirmation(user, token));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Wake();
        return new Result(true, []);
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => nameof(Input.Password),
        _ when code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) => nameof(Input.Email),
        _ => "",
    };

    private static Result Fail(string field, string message) => new(false, [(field, message)]);
}
