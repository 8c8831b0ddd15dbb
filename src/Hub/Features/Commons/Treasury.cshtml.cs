using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>The treasurers' desk: pledges waiting for payments, other entries, corrections, exports.</summary>
[Authorize]
public sealed class TreasuryModel(HubDbContext db, CommonsAccess access, RecordPayment payments, RecordLedgerEntry record, ReverseLedgerEntry reverse,
    SetFundraisingGoal goals, LedgerBalances balances, ViewerClock clock, TimeProvider time, IStringLocalizer<Strings> strings) : HubPageModel
{
    public sealed record PledgeRow(Guid Id, string Name, string Email, long AmountMinor, string Currency, bool Monthly, DateTime? PaidThrough, string? Reference);

    public IReadOnlyList<PledgeRow> Pledges { get; private set; } = [];
    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];
    public HashSet<Guid> Reversed { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Balances { get; private set; } = new Dictionary<string, long>();
    public ViewerClock Clock => clock;

    /// <summary>What the treasurer typed to find a pledge: its reference from a bank statement (in any spelling), or a name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    /// <summary>Open pledges before the search narrowed them.</summary>
    public int OpenPledges { get; private set; }

    [BindProperty] public string? Kind { get; set; } = "Expense";
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Currency { get; set; } = "EUR";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? GoalTitle { get; set; }
    [BindProperty] public string? GoalCategory { get; set; }
    [BindProperty] public string? GoalTarget { get; set; }
    [BindProperty] public string? GoalCurrency { get; set; } = "EUR";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<bool> AllowedAsync(CancellationToken cancellationToken) => (await access.ViewerAsync(User, cancellationToken)).IsTreasurer;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.ZoneAsync();
        Pledges = await db.Pledges.Where(p => p.EndedAt == null)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new PledgeRow(p.Id, u.DisplayName, u.Email!, p.AmountMinor, p.Currency, p.Monthly, p.PaidThrough, p.Reference))
            .ToListAsync(cancellationToken);
        OpenPledges = Pledges.Count;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            // The open pledges are few enough to match here, which lets a reference be found however the bank wrote it.
            var typed = Search.Trim();
            Pledges = [.. Pledges.Where(p => PaymentReference.Matches(p.Reference, typed)
                || p.Name.Contains(typed, StringComparison.CurrentCultureIgnoreCase) || p.Email.Contains(typed, StringComparison.OrdinalIgnoreCase))];
        }
        // Whose month runs out first comes first: that is whose payment to look for.
        Pledges = [.. Pledges.OrderBy(p => p.PaidThrough ?? DateTime.MinValue).ThenBy(p => p.Name, StringComparer.CurrentCulture)];
        Entries = (await db.LedgerEntries.Where(e => e.Fund == CommonsFunds.Commons).OrderByDescending(e => e.RecordedAt).Take(50).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.OccurredAt).ToList();
        var ids = Entries.Select(e => (Guid?)e.Id).ToList();
        Reversed = (await db.LedgerEntries.Where(e => ids.Contains(e.ReversesEntryId)).Select(e => e.ReversesEntryId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        Balances = await balances.ForFundAsync(CommonsFunds.Commons, cancellationToken);
    }

    private DateTime? ParseDate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? time.GetUtcNow().UtcDateTime
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) : null;

    public async Task<IActionResult> OnPostPaymentAsync(Guid pledgeId, string? paymentAmount, string? paymentDate, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        var pledge = await db.Pledges.Where(p => p.Id == pledgeId).Select(p => new { p.Currency }).SingleOrDefaultAsync(cancellationToken);
        if (!Money.TryParse(paymentAmount, out var minor))
        {
            ModelState.AddModelError($"payment-{pledgeId}", strings["Commons.Treasury.ReceivedFormat"]);
            return await RedisplayAsync(cancellationToken);
        }
        if (ParseDate(paymentDate) is not { } paidAt)
        {
            ModelState.AddModelError($"payment-{pledgeId}", strings["Commons.Treasury.ArrivedDate"]);
            return await RedisplayAsync(cancellationToken);
        }
        var (outcome, _) = await payments.ByTreasurerAsync(UserId, new RecordPayment.Input(pledgeId, minor, pledge?.Currency ?? "", paidAt), cancellationToken);
        return await AfterAsync(outcome with { Field = outcome.Succeeded ? "" : $"payment-{pledgeId}" }, strings["Commons.Treasury.PaymentRecorded"],
            () => RedisplayAsync(cancellationToken), "/commons/treasury");
    }

    public async Task<IActionResult> OnPostEntryAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        var (kind, transferIn) = Kind switch
        {
            "TransferIn" => (LedgerKind.Transfer, true),
            "TransferOut" => (LedgerKind.Transfer, false),
            "Fee" => (LedgerKind.Fee, false),
            "Gift" => (LedgerKind.Contribution, false),
            _ => (LedgerKind.Expense, false),
        };
        if (!Money.TryParse(Amount, out var minor))
        {
            ModelState.AddModelError(nameof(Amount), strings["Commons.Treasury.AmountFormat"]);
        }
        var date = ParseDate(Date);
        if (date is null)
        {
            ModelState.AddModelError(nameof(Date), strings["Commons.Treasury.DateFormat"]);
        }
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }
        var (outcome, _) = await record.RunAsync(UserId, new RecordLedgerEntry.Input(kind, minor, Currency ?? "", Description ?? "", Category, date!.Value, transferIn), cancellationToken);
        return await AfterAsync(outcome, strings["Commons.Treasury.EntryRecorded"], () => RedisplayAsync(cancellationToken), "/commons/treasury");
    }

    public async Task<IActionResult> OnPostReverseAsync(Guid entryId, string? reason, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        var outcome = await reverse.RunAsync(UserId, entryId, reason ?? "", cancellationToken);
        return await AfterAsync(outcome with { Field = outcome.Succeeded ? "" : $"reverse-{entryId}" }, strings["Commons.Treasury.CorrectedNotice"],
            () => RedisplayAsync(cancellationToken), "/commons/treasury");
    }

    public async Task<IActionResult> OnPostGoalAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(cancellationToken))
        {
            return Forbid();
        }
        if (!Money.TryParse(GoalTarget, out var target))
        {
            ModelState.AddModelError(nameof(GoalTarget), strings["Commons.Treasury.TargetFormat"]);
            return await RedisplayAsync(cancellationToken);
        }
        var outcome = await goals.RunAsync(UserId, GoalTitle ?? "", GoalCategory ?? "", target, GoalCurrency ?? "", cancellationToken);
        return await AfterAsync(outcome, strings["Commons.Treasury.GoalSet"], () => RedisplayAsync(cancellationToken), "/commons/treasury");
    }

    public static string KindName(LedgerKind kind, IStringLocalizer strings) => strings[kind switch
    {
        LedgerKind.Contribution or LedgerKind.EventIncome or LedgerKind.EventCost or LedgerKind.EventShare or LedgerKind.Expense or LedgerKind.Fee => $"Commons.Kind.{kind}",
        _ => "Commons.Kind.Transfer",
    }];
}
