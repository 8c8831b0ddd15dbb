using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Features.Gatherings.CoHosts;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Gatherings;

/// <summary>Hosts add ticket tiers, discount codes and budget lines, until the event is closed.</summary>
public sealed class SetUpTickets(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> AddTierAsync(Viewer viewer, Guid eventId, string name, string? price, bool payWhatYouCan, string? minimum, CancellationToken cancellationToken = default)
    {
        var e = await OpenEventAsync(viewer, eventId, cancellationToken);
        if (e is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsTickets"]);
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            return Outcome.Refused(strings["Gatherings.Refused.TierName"], "TierName");
        }
        if (!TryAmount(payWhatYouCan ? minimum : price, out var amount))
        {
            return Outcome.Refused(strings[payWhatYouCan ? "Gatherings.Refused.TierMinimum" : "Gatherings.Refused.TierPrice"], "TierPrice");
        }
        var order = await db.TicketTiers.CountAsync(t => t.EventId == eventId, cancellationToken);
        db.TicketTiers.Add(new TicketTier
        {
            Id = Guid.NewGuid(),
            EventId = eventId,
            Name = name.Trim(),
            PayWhatYouCan = payWhatYouCan,
            Price = payWhatYouCan ? 0 : amount,
            Minimum = payWhatYouCan ? amount : 0,
            Order = order,
        });
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of("Log.Event.TicketTier", name.Trim()), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <param name="maxUses">How many tickets may use it; empty for no limit.</param>
    /// <param name="expiresOn">The last day it works (yyyy-MM-dd, to the end of that day in the event's zone); empty for no end.</param>
    public async Task<Outcome> AddCodeAsync(Viewer viewer, Guid eventId, string code, int percentOff, string? maxUses = null, string? expiresOn = null, CancellationToken cancellationToken = default)
    {
        var e = await OpenEventAsync(viewer, eventId, cancellationToken);
        if (e is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsTickets"]);
        }
        code = (code ?? "").Trim().ToUpperInvariant();
        List<(string, string)> problems = [];
        if (code.Length is < 3 or > 40 || percentOff is < 1 or > 100)
        {
            problems.Add(("Code", strings["Gatherings.Refused.Code"]));
        }
        int? limit = null;
        if (!string.IsNullOrWhiteSpace(maxUses))
        {
            if (int.TryParse(maxUses.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100000)
            {
                limit = n;
            }
            else
            {
                problems.Add(("MaxUses", strings["Gatherings.Refused.MaxUses"]));
            }
        }
        DateTime? expires = null;
        if (!string.IsNullOrWhiteSpace(expiresOn))
        {
            var zone = EventTime.FindZone(e.TimeZone)!;
            if (EventTime.TryParseDate(expiresOn, out var day))
            {
                expires = EventTime.ToUtc(day.PlusDays(1).AtMidnight(), zone);
            }
            else
            {
                problems.Add(("ExpiresOn", strings["Gatherings.Refused.ExpiresOn", EventTime.LastYear]));
            }
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        if (await db.DiscountCodes.AnyAsync(d => d.EventId == eventId && d.Code == code, cancellationToken))
        {
            return Outcome.Refused(strings["Gatherings.Refused.CodeExists", code], "Code");
        }
        db.DiscountCodes.Add(new DiscountCode { Id = Guid.NewGuid(), EventId = eventId, Code = code, PercentOff = percentOff, MaxUses = limit, ExpiresAt = expires });
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of("Log.Event.DiscountCode", code, percentOff.ToString(System.Globalization.CultureInfo.InvariantCulture)), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>How long someone promoted from the waitlist has to pay before the place passes on; empty for no deadline.</summary>
    public async Task<Outcome> SetHoursToPayAsync(Viewer viewer, Guid eventId, string? hours, CancellationToken cancellationToken = default)
    {
        var e = await OpenEventAsync(viewer, eventId, cancellationToken);
        if (e is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsTickets"]);
        }
        int? value = null;
        if (!string.IsNullOrWhiteSpace(hours))
        {
            if (!int.TryParse(hours.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h is < 1 or > 24 * 14)
            {
                return Outcome.Refused(strings["Gatherings.Refused.HoursToPay"], "HoursToPay");
            }
            value = h;
        }
        await db.GatheringEvents.Where(x => x.Id == eventId).ExecuteUpdateAsync(u => u.SetProperty(x => x.HoursToPay, value), cancellationToken);
        HostLog.Record(db, eventId, viewer.UserId, value is { } given ? StoredWords.Counted("Log.Event.WaitlistHours", given) : StoredWords.Of("Log.Event.NoTimeLimit"), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> AddBudgetLineAsync(Viewer viewer, Guid eventId, bool isIncome, string label, string? amount, CancellationToken cancellationToken = default)
    {
        if (await OpenEventAsync(viewer, eventId, cancellationToken) is null)
        {
            return Outcome.Refused(strings["Gatherings.Refused.OnlyHostsBudget"]);
        }
        if (string.IsNullOrWhiteSpace(label))
        {
            return Outcome.Refused(strings["Gatherings.Refused.LineLabel"], "Label");
        }
        if (!TryAmount(amount, out var value))
        {
            return Outcome.Refused(strings["Gatherings.Refused.LineAmount"], "Amount");
        }
        db.BudgetLines.Add(new BudgetLine { Id = Guid.NewGuid(), EventId = eventId, IsIncome = isIncome, Label = label.Trim(), Amount = value });
        HostLog.Record(db, eventId, viewer.UserId, StoredWords.Of(isIncome ? "Log.Event.BudgetIncome" : "Log.Event.BudgetCost", label.Trim()), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<GatheringEvent?> OpenEventAsync(Viewer viewer, Guid eventId, CancellationToken cancellationToken)
    {
        var e = await db.GatheringEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        return e is not null && viewer.CanHost(e) && e.ClosedAt is null ? e : null;
    }

    public static bool TryAmount(string? text, out decimal amount) =>
        decimal.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) && amount >= 0 && amount < 1_000_000;
}
