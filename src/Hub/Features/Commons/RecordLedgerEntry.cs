using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A treasurer writes down money that moved: an expense, a fee, a transfer, a gift from outside.</summary>
public sealed class RecordLedgerEntry(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <param name="AmountMinor">Always above zero; the kind (and for a transfer, its direction) gives the sign.</param>
    public sealed record Input(LedgerKind Kind, long AmountMinor, string Currency, string Description, string? Category, DateTime OccurredAtUtc, bool TransferIn = false);

    public async Task<(Outcome Outcome, Guid? EntryId)> RunAsync(string treasurerId, Input input, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return (Outcome.Refused(strings["Commons.Refused.TreasurersWrite"]), null);
        }
        var problem = Check(input.AmountMinor, input.Currency, input.Description, strings) ?? CheckDate(input.OccurredAtUtc, time.GetUtcNow().UtcDateTime, "Date", strings);
        if (problem is not null)
        {
            return (problem, null);
        }
        var entry = await NewEntryAsync(db, time, treasurerId, input.Kind, Signed(input.Kind, input.AmountMinor, input.TransferIn), input.Currency,
            input.Description, input.Category, input.OccurredAtUtc, cancellationToken);
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Done, entry.Id);
    }

    internal static Outcome? Check(long amountMinor, string currency, string description, IStringLocalizer strings)
    {
        if (Money.CheckAmount(amountMinor, strings) is { } amount)
        {
            return Outcome.Refused(amount, "Amount");
        }
        if (!Money.IsKnown(currency))
        {
            return Outcome.Refused(Money.UnknownCurrency(currency, strings), "Currency");
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            return Outcome.Refused(strings["Commons.Refused.SayWhatFor"], "Description");
        }
        return null;
    }

    /// <summary>
    /// The ledger records money that has moved: a day from 2000 up to today (a day's grace for time
    /// zones). A far date (9999-12-31) is a slip, and a month added to it would not be a date at all.
    /// </summary>
    internal static Outcome? CheckDate(DateTime occurredAtUtc, DateTime nowUtc, string field, IStringLocalizer strings) =>
        occurredAtUtc.Year < 2000 || occurredAtUtc > nowUtc.AddDays(1)
            ? Outcome.Refused(strings["Commons.Refused.DayMoneyMoved"], field)
            : null;

    /// <summary>Money in is positive, money out negative.</summary>
    public static long Signed(LedgerKind kind, long amountMinor, bool transferIn = false) => kind switch
    {
        LedgerKind.Contribution or LedgerKind.EventIncome => amountMinor,
        LedgerKind.Transfer => transferIn ? amountMinor : -amountMinor,
        _ => -amountMinor,
    };

    internal static async Task<LedgerEntry> NewEntryAsync(HubDbContext db, TimeProvider time, string? recordedById, LedgerKind kind, long signedMinor,
        string currency, string description, string? category, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        var recordedBy = recordedById is null ? "" : await db.Users.Where(u => u.Id == recordedById).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return new LedgerEntry
        {
            Id = Guid.NewGuid(),
            Fund = CommonsFunds.Commons,
            Currency = Money.Normalize(currency),
            AmountMinor = signedMinor,
            Kind = kind,
            Description = description.Trim(),
            Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim().ToLowerInvariant(),
            OccurredAt = occurredAtUtc,
            RecordedAt = time.GetUtcNow().UtcDateTime,
            RecordedByUserId = recordedById,
            RecordedBy = recordedBy,
        };
    }
}
