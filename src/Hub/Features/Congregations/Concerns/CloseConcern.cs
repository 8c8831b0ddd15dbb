using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>A care contact closes a concern with a note the raiser reads; closing acknowledges it too, if nobody had.</summary>
public sealed class CloseConcern(HubDbContext db, ConcernNotices notices, Notifier notifier, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid concernId, string? note, CancellationToken cancellationToken = default)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(x => x.Id == concernId && x.CongregationId == view.Congregation.Id, cancellationToken);
        var contacts = await ConcernRules.CareContactsAsync(db, view.Congregation.Id, cancellationToken);
        if (concern is null || !ConcernRules.CanTend(concern, view.UserId, view.IsAdmin, contacts))
        {
            return Outcome.Refused(strings["Congregations.Refused.ContactsOnly"]);
        }
        if (concern.ClosedAt is not null)
        {
            return Outcome.Refused(strings["Congregations.Refused.ClosedAlready"]);
        }
        var words = (note ?? "").Trim();
        if (words.Length == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.WriteNote"], "Note");
        }
        if (words.Length > ConcernLimits.Note)
        {
            return Outcome.Refused(strings["Congregations.Refused.NoteLength", ConcernLimits.Note.ToString("N0", DateFormats.Culture), words.Length.ToString("N0", DateFormats.Culture)], "Note");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (concern.AcknowledgedAt is null)
        {
            concern.AcknowledgedAt = now;
            concern.AcknowledgedByUserId = view.UserId;
            await notifier.ResolveAsync(ConcernNotices.About(concern.Id), null, cancellationToken);
        }
        concern.ClosedAt = now;
        concern.ClosedByUserId = view.UserId;
        concern.ClosingNote = words;
        await notices.ClosedAsync(view.Congregation, concern, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
