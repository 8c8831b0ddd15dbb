using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>A care contact closes a concern with a note the raiser reads; closing acknowledges it too, if nobody had.</summary>
public sealed class CloseConcern(HubDbContext db, ConcernNotices notices, Notifier notifier, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid concernId, string? note, CancellationToken cancellationToken = default)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(x => x.Id == concernId && x.CongregationId == view.Congregation.Id, cancellationToken);
        var contacts = await ConcernRules.CareContactsAsync(db, view.Congregation.Id, cancellationToken);
        if (concern is null || !ConcernRules.CanTend(concern, view.UserId, view.IsAdmin, contacts))
        {
            return Outcome.Refused("Only the care contacts tend a concern.");
        }
        if (concern.ClosedAt is not null)
        {
            return Outcome.Refused("It was closed already.");
        }
        var words = (note ?? "").Trim();
        if (words.Length == 0)
        {
            return Outcome.Refused("Write a note for the person who raised it: what was done, and where things stand. They will read it.", "Note");
        }
        if (words.Length > ConcernLimits.Note)
        {
            return Outcome.Refused($"The note is at most {ConcernLimits.Note:N0} characters; this one has {words.Length:N0}.", "Note");
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
