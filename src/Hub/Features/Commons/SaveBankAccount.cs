using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Treasurers (and hub administrators) say where members send money in a currency: an account holder
/// with an IBAN (checked) and BIC, or their own words where IBANs are not used. One account per currency;
/// saving again replaces it, removing it leaves members to ask the treasurers.
/// </summary>
public sealed class SaveBankAccount(HubDbContext db, TimeProvider time)
{
    public sealed record Input(string Currency, string? AccountHolder, string? Iban, string? Bic, string? Instructions);

    public async Task<Outcome> RunAsync(string userId, bool mayKeepBooks, Input input, CancellationToken cancellationToken = default)
    {
        if (!mayKeepBooks)
        {
            return Outcome.Refused("Only the commons' treasurers and the hub's administrators set the bank details.");
        }
        List<(string, string)> problems = [];
        if (!Money.IsKnown(input.Currency))
        {
            problems.Add(("Currency", $"Choose one of the currencies the commons keeps: {string.Join(", ", Money.Currencies)}."));
        }
        var holder = (input.AccountHolder ?? "").Trim();
        var instructions = (input.Instructions ?? "").Trim();
        var iban = "";
        var bic = "";
        if (!string.IsNullOrWhiteSpace(input.Iban) && Iban.Check(input.Iban, out iban) is { } ibanProblem)
        {
            problems.Add(("Iban", ibanProblem));
        }
        if (Iban.CheckBic(input.Bic, out bic) is { } bicProblem)
        {
            problems.Add(("Bic", bicProblem));
        }
        if (iban != "" && holder == "")
        {
            problems.Add(("AccountHolder", "Give the name the account is held in: banks compare it with the IBAN."));
        }
        if (iban == "" && instructions == "" && string.IsNullOrWhiteSpace(input.Iban))
        {
            problems.Add(("Iban", "Give an IBAN, or describe in the box below how to pay (an account number and sort code, a routing number)."));
        }
        if (holder.Length > 200 || instructions.Length > 1000)
        {
            problems.Add(("Instructions", "Keep the name under 200 characters and the description under 1,000."));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var currency = Money.Normalize(input.Currency);
        var account = await db.BankAccounts.SingleOrDefaultAsync(a => a.Currency == currency, cancellationToken);
        if (account is null)
        {
            account = new BankAccount { Id = Guid.NewGuid(), Currency = currency };
            db.BankAccounts.Add(account);
        }
        (account.AccountHolder, account.Iban, account.Bic, account.Instructions) = (holder, iban, bic, instructions);
        (account.UpdatedAt, account.UpdatedByUserId) = (time.GetUtcNow().UtcDateTime, userId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Refused($"Someone saved the {currency} account at the same moment; look at it and save again if needed.");
        }
        return Outcome.Done;
    }

    public async Task<Outcome> RemoveAsync(bool mayKeepBooks, string currency, CancellationToken cancellationToken = default)
    {
        if (!mayKeepBooks)
        {
            return Outcome.Refused("Only the commons' treasurers and the hub's administrators set the bank details.");
        }
        await db.BankAccounts.Where(a => a.Currency == currency).ExecuteDeleteAsync(cancellationToken);
        return Outcome.Done;
    }
}
