using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A treasurer sets a public goal; its progress is whatever the ledger holds in its category.</summary>
public sealed class SetFundraisingGoal(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string treasurerId, string title, string category, long targetMinor, string currency, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return Outcome.Refused(strings["Commons.Refused.TreasurersGoals"]);
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            return Outcome.Refused(strings["Commons.Refused.NameGoal"], "GoalTitle");
        }
        if (string.IsNullOrWhiteSpace(category))
        {
            return Outcome.Refused(strings["Commons.Refused.GoalCategory"], "GoalCategory");
        }
        if (Money.CheckAmount(targetMinor, strings) is { } amount)
        {
            return Outcome.Refused(amount, "GoalTarget");
        }
        if (!Money.IsKnown(currency))
        {
            return Outcome.Refused(Money.UnknownCurrency(currency, strings), "GoalCurrency");
        }
        db.FundraisingGoals.Add(new FundraisingGoal
        {
            Id = Guid.NewGuid(),
            Title = title.Trim(),
            Category = category.Trim().ToLowerInvariant(),
            TargetMinor = targetMinor,
            Currency = Money.Normalize(currency),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
