using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Treasurers (and hub administrators) say where members send money in a currency: an account holder
/// with an IBAN (checked) and BIC, or their own words where IBANs are not used. One account per currency;
/// saving again replaces it, removing it leaves members to ask the treasurers.
/// </summary>
public sealed class SaveBankAccount(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public sealed record Input(string Currency, string? AccountHolder, string? Iban, string? Bic, string? Instructions);

    public async Task<Outcome> RunAsync(string userId, bool mayKeepBooks, Input input, CancellationToken cancellationToken = default)
    {
        if (!mayKeepBooks)
        {
            return Outcome.Refused(strings["Commons.Refused.BankDetailsWho"]);
        }
        List<(string, string)> problems = [];
        if (!Money.IsKnown(input.Currency))
        {
            problems.Add(("Currency", strings["Commons.Refused.ChooseCurrency", string.Join(", ", Money.Currencies)]));
        }
        var holder = (input.AccountHolder ?? "").Trim();
        var instructions = (input.Instructions ?? "").Trim();
        var iban = "";
        var bic = "";
        if (!string.IsNullOrWhiteSpace(input.Iban) && Iban.Check(input.Iban, out iban, strings) is { } ibanProblem)
        {
            problems.Add(("Iban", ibanProblem));
        }
        if (Iban.CheckBic(input.Bic, out bic, strings) is { } bicProblem)
        {
            problems.Add(("Bic", bicProblem));
        }
        if (iban != "" && holder == "")
        {
            problems.Add(("AccountHolder", strings["Commons.Refused.AccountHolder"]));
        }
        if (iban == "" && instructions == "" && string.IsNullOrWhiteSpace(input.Iban))
        {
            problems.Add(("Iban", strings["Commons.Refused.IbanOrInstructions"]));
        }
        if (holder.Length > 200 || instructions.Length > 1000)
        {
            problems.Add(("Instructions", strings["Commons.Refused.BankTooLong"]));
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
            return Outcome.Refused(strings["Commons.Refused.BankSavedSameMoment", currency]);
        }
        return Outcome.Done;
    }

    public async Task<Outcome> RemoveAsync(bool mayKeepBooks, string currency, CancellationToken cancellationToken = default)
    {
        if (!mayKeepBooks)
        {
            return Outcome.Refused(strings["Commons.Refused.BankDetailsWho"]);
        }
        await db.BankAccounts.Where(a => a.Currency == currency).ExecuteDeleteAsync(cancellationToken);
        return Outcome.Done;
    }
}
