using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Commons;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A treasurer sets a public goal; its progress is whatever the ledger holds in its category.</summary>
public sealed class SetFundraisingGoal(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(string treasurerId, string title, string category, long targetMinor, string currency, CancellationToken cancellationToken = default)
    {
        if (!await db.CommonsRoles.AnyAsync(r => r.UserId == treasurerId && r.Role == CommonsRoleKind.Treasurer, cancellationToken))
        {
            return Outcome.Refused("Only the commons' treasurers set goals.");
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            return Outcome.Refused("Name the goal, such as “Scholarships for the summer camp”.", "GoalTitle");
        }
        if (string.IsNullOrWhiteSpace(category))
        {
            return Outcome.Refused("Give the category whose contributions count towards it, such as scholarship.", "GoalCategory");
        }
        if (Money.CheckAmount(targetMinor) is { } amount)
        {
            return Outcome.Refused(amount, "GoalTarget");
        }
        if (!Money.IsKnown(currency))
        {
            return Outcome.Refused($"'{currency}' is not a currency the commons keeps.", "GoalCurrency");
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
