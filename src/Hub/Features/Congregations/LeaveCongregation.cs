using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Anyone may leave, except the last host of a congregation that still has other members.</summary>
public sealed class LeaveCongregation(HubDbContext db, IEnumerable<IMembershipEndedHandler> ended, Notifier notifier, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        if (view.Membership is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.NotMember"]);
        }
        var id = view.Congregation.Id;
        if (view.Membership.IsHost
            && await db.Memberships.CountAsync(m => m.CongregationId == id && m.IsHost, cancellationToken) == 1
            && await db.Memberships.CountAsync(m => m.CongregationId == id, cancellationToken) > 1)
        {
            return Outcome.Refused(strings["Congregations.Refused.OnlyHostLeaving"]);
        }
        // Removed as a tracked entity, not by a bulk delete, so the save interceptor empties the congregation
        // pages' caches and the member count drops at once.
        if (await db.Memberships.FirstOrDefaultAsync(m => m.Id == view.Membership.Id, cancellationToken) is { } membership)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var handler in ended)
            {
                await handler.MembershipEndedAsync(id, membership.UserId, cancellationToken);
            }
            db.Memberships.Remove(membership);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            notifier.Wake();
        }
        return Outcome.Done;
    }
}
