using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>A care contact writes down a step taken (a conversation, a decision): the tenders' private log.</summary>
public sealed class RecordConcernStep(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, Guid concernId, string? text, CancellationToken cancellationToken = default)
    {
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == concernId && x.CongregationId == view.Congregation.Id, cancellationToken);
        var contacts = await ConcernRules.CareContactsAsync(db, view.Congregation.Id, cancellationToken);
        if (concern is null || !ConcernRules.CanTend(concern, view.UserId, view.IsAdmin, contacts))
        {
            return Outcome.Refused(strings["Congregations.Refused.ContactsOnly"]);
        }
        if (concern.ClosedAt is not null)
        {
            return Outcome.Refused(strings["Congregations.Refused.ConcernClosed"]);
        }
        var words = (text ?? "").Trim();
        if (words.Length == 0)
        {
            return Outcome.Refused(strings["Congregations.Refused.WriteStep"], "Step");
        }
        if (words.Length > ConcernLimits.Note)
        {
            return Outcome.Refused($"A step is at most {ConcernLimits.Note:N0} characters; this one has {words.Length:N0}.", "Step");
        }
        db.ConcernSteps.Add(new ConcernStep { Id = Guid.NewGuid(), ConcernId = concern.Id, ByUserId = view.UserId, Text = words, At = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
