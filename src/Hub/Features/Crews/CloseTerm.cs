using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews;

/// <summary>
/// The caller may open the retrospective before the last meeting, when the crew agrees the
/// experiment has taught what it can; otherwise it opens by itself when the last meeting begins.
/// The meetings not yet held are removed: the term's rows are the crew's calendar, and a meeting that
/// will not happen must leave every member's calendar (and never count as hosted). A meeting that began
/// early, or already holds the crew's notes or commitments, has happened: it stays, with what was written.
/// </summary>
public sealed class CloseTerm(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CrewView view, CancellationToken cancellationToken = default)
    {
        if (!view.IsCaller || !view.IsJoined)
        {
            return Outcome.Refused(strings["Crews.Ops.CloseCallerOnly"]);
        }
        if (view.Crew.Stage != CrewStage.Meeting)
        {
            return Outcome.Refused(strings["Crews.Ops.CloseNoTerm"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Crews.Where(c => c.Id == view.Crew.Id && c.Stage == CrewStage.Meeting)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Stage, CrewStage.Retrospective), cancellationToken) == 0)
        {
            return Outcome.Done; // closed a moment ago by another request
        }
        await db.CrewMeetings.Where(m => m.CrewId == view.Crew.Id && m.Term == view.Crew.Term && m.StartsAt > now && m.Notes == ""
                && !db.MeetingRooms.Any(r => r.MeetingId == m.Id && r.Step >= 0)
                && !db.MeetingCommitments.Any(c => c.MeetingId == m.Id))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
