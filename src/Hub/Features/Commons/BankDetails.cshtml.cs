using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>The commons' bank details, one account per currency, shown to members beside their pledges and tickets.</summary>
[Authorize]
public sealed class BankDetailsModel(HubDbContext db, CommonsAccess access, SaveBankAccount save, IStringLocalizer<Strings> strings) : HubPageModel
{
    public IReadOnlyList<BankAccount> Accounts { get; private set; } = [];

    [BindProperty] public string Currency { get; set; } = "EUR";
    [BindProperty] public string? AccountHolder { get; set; }
    [BindProperty] public string? Iban { get; set; }
    [BindProperty] public string? Bic { get; set; }
    [BindProperty] public string? Instructions { get; set; }

    /// <summary>Treasurers open the treasury; an administrator who is not one sets bank details only.</summary>
    public bool IsTreasurer { get; private set; }

    private async Task<bool> MayKeepBooksAsync(CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(User, cancellationToken);
        IsTreasurer = viewer.IsTreasurer;
        return viewer.IsTreasurer || viewer.IsHubAdmin;
    }

    public async Task<IActionResult> OnGetAsync(string? currency, CancellationToken cancellationToken)
    {
        if (!await MayKeepBooksAsync(cancellationToken))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        // "Change" on a listed account fills the form with it.
        if (Accounts.FirstOrDefault(a => a.Currency == currency) is { } chosen)
        {
            (Currency, AccountHolder, Iban, Bic, Instructions) = (chosen.Currency, chosen.AccountHolder, PaymentDue.Grouped(chosen.Iban), chosen.Bic, chosen.Instructions);
        }
        else if (Accounts.Count > 0)
        {
            Currency = Money.Currencies.FirstOrDefault(c => Accounts.All(a => a.Currency != c)) ?? "EUR";
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Accounts = await db.BankAccounts.AsNoTracking().OrderBy(a => a.Currency).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await save.RunAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, await MayKeepBooksAsync(cancellationToken),
            new SaveBankAccount.Input(Currency, AccountHolder, Iban, Bic, Instructions), cancellationToken);
        return await AfterAsync(outcome, strings["Commons.Bank.Saved", Currency],
            async () => { await LoadAsync(cancellationToken); return Page(); }, "/commons/bank-details");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string currency, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await AfterAsync(await save.RemoveAsync(await MayKeepBooksAsync(cancellationToken), currency ?? "", cancellationToken),
            strings["Commons.Bank.Removed", currency ?? ""], async () => { await LoadAsync(cancellationToken); return Page(); }, "/commons/bank-details");
    }
}
