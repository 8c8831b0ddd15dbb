using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// The caller starts the crew: it begins as every crew does (<see cref="NewCrew"/>), forming, with the caller
/// and each accepted person joined, in the order they were accepted. The call closes; anyone still waiting
/// hears kindly that it did. A call whose end date has passed can still be started with the people accepted.
/// </summary>
public sealed class StartCrewFromCall(HubDbContext db, TimeProvider time, CallNotices notices)
{
    /// <summary>The first experiment the practice suggests: six meetings, weekly, then a retrospective.</summary>
    public const int FirstTermMeetings = 6;

    public async Task<(Outcome Outcome, Guid? CrewId)> RunAsync(CallView view, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.IsCaller)
        {
            return (Outcome.Refused("Only the person who posted the call starts its crew."), null);
        }
        if (!view.IsPending)
        {
            return (Outcome.Refused("This call is closed already."), null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accepted = await db.CrewCallRequests.Where(r => r.CallId == call.Id && r.State == CrewCallRequestState.Accepted)
            .OrderBy(r => r.AnsweredAt).Select(r => r.UserId).ToListAsync(cancellationToken);
        if (accepted.Count == 0)
        {
            return (Outcome.Refused("Accept at least one person first: a crew is more than its caller."), null);
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
            return (Outcome.Refused("This call is closed already."), null); // the transaction rolls the crew back
        }
        var left = await CloseCall.CloseRequestsAsync(db, notices, call.Id, now, cancellationToken, keepAccepted: true);
        var caller = call.Caller.DisplayName;
        var crewPath = $"/crews/{crew.Id}";
        var when = call.UsualDay is { } day && call.UsualTime is { } at
            ? $"It meets on {day}s at {at:HH\\:mm} ({call.TimeZone}). Choose the date of the first meeting together on the crew's page."
            : "The hour is still open: mark when you are free on the crew's page and choose a time together.";
        await notices.SendAsync(accepted, "crew.formed", $"Your crew has started: {crew.Name}", crewPath,
        [
            $"{caller} started “{crew.Name}” from the call, with you in it: {accepted.Count + 1} of you.",
            when,
            $"It begins as an experiment of {FirstTermMeetings} meetings; at the end everyone decides privately whether to go on.",
        ], "Open your crew", cancellationToken);
        await notices.SendAsync(left, "crew.call-closed", $"The call {call.Name} has closed", CallNotices.PathOf(view.Congregation.Congregation.Slug, call.Id),
        [
            $"{caller} started the crew “{call.Name}” before answering your request, so the call has closed. It was about the timing, not about you.",
            "Other calls, a formation round, or a crew you call yourself are all ways in.",
        ], "See the calls", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return (Outcome.Done, crew.Id);
    }
}
