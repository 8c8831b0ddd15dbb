using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// The caller starts the crew: it begins as every crew does (<see cref="NewCrew"/>), forming, with the caller
/// and each accepted person joined, in the order they were accepted. The call closes; anyone still waiting
/// hears kindly that it did. A call whose end date has passed can still be started with the people accepted.
/// </summary>
public sealed class StartCrewFromCall(HubDbContext db, TimeProvider time, CallNotices notices, IStringLocalizer<Strings> strings)
{
    /// <summary>The first experiment the practice suggests: six meetings, weekly, then a retrospective.</summary>
    public const int FirstTermMeetings = 6;

    public async Task<(Outcome Outcome, Guid? CrewId)> RunAsync(CallView view, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.IsCaller)
        {
            return (Outcome.Refused(strings["Crews.CallOps.OnlyCallerStarts"]), null);
        }
        if (!view.IsPending)
        {
            return (Outcome.Refused(strings["Crews.CallOps.ClosedAlready"]), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accepted = await db.CrewCallRequests.Where(r => r.CallId == call.Id && r.State == CrewCallRequestState.Accepted)
            .OrderBy(r => r.AnsweredAt).Select(r => r.UserId).ToListAsync(cancellationToken);
        if (accepted.Count == 0)
        {
            return (Outcome.Refused(strings["Crews.CallOps.AcceptOneFirst"]), null);
        }
        // "We'll find a time" starts on a placeholder evening in the call's zone; the crew finds its hour on its page.
        var crew = NewCrew.Forming(call.Name, call.Purpose, call.CongregationId, call.CallerUserId, CrewCadence.Weekly, FirstTermMeetings,
            call.UsualDay ?? DayOfWeek.Tuesday, call.UsualTime ?? new TimeOnly(19, 0), call.TimeZone, now);
        foreach (var person in accepted.Take(CrewsFeature.MaxSize - 1))
        {
            NewCrew.Join(crew, person, now);
        }
        db.Crews.Add(crew);
        await db.SaveChangesAsync(cancellationToken);
        var started = await db.CrewCalls.Where(c => c.Id == call.Id && c.State == CrewCallState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CrewCallState.Started).SetProperty(c => c.ClosedAt, now)
                .SetProperty(c => c.CrewId, crew.Id), cancellationToken);
        if (started == 0)
        {
            return (Outcome.Refused(strings["Crews.CallOps.ClosedAlready"]), null); // the transaction rolls the crew back
        }
        var left = await CloseCall.CloseRequestsAsync(db, notices, call.Id, now, cancellationToken, keepAccepted: true);
        var caller = call.Caller.DisplayName;
        await notices.StartedAsync(accepted, call, crew, caller, FirstTermMeetings, cancellationToken);
        await notices.ClosedAsync(left, view.Congregation.Congregation.Slug, call, caller, CallNotices.Ending.Started, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, crew.Id);
    }
}
