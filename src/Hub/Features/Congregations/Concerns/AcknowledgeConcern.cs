using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>A care contact says the concern reached them: the raiser hears so, and the tenders' notices are done.</summary>
public sealed class AcknowledgeConcern(HubDbContext db, ConcernNotices notices, Notifier notifier, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid concernId, CancellationToken cancellationToken = default)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(x => x.Id == concernId && x.CongregationId == view.Congregation.Id, cancellationToken);
        var contacts = await ConcernRules.CareContactsAsync(db, view.Congregation.Id, cancellationToken);
        if (concern is null || !ConcernRules.CanTend(concern, view.UserId, view.IsAdmin, contacts))
        {
            return Outcome.Refused(strings["Congregations.Refused.ContactsOnly"]);
        }
        if (concern.AcknowledgedAt is not null)
        {
            return Outcome.Refused(strings["Congregations.Refused.AcknowledgedAlready"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        concern.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
        concern.AcknowledgedByUserId = view.UserId;
        await notices.AcknowledgedAsync(view.Congregation, concern, cancellationToken);
        await notifier.ResolveAsync(ConcernNotices.About(concern.Id), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
