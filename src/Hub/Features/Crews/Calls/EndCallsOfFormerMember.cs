using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// Someone who is no longer a member cannot call a crew there or be accepted into one: their open calls
/// close (whoever was waiting or accepted is told, kindly) and their own requests are withdrawn (a caller who
/// had accepted them is told the place is open again).
/// </summary>
public sealed class EndCallsOfFormerMember(HubDbContext db, TimeProvider time, CallNotices notices) : IMembershipEndedHandler
{
    public async Task MembershipEndedAsync(Guid congregationId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var slug = await db.Congregations.Where(c => c.Id == congregationId).Select(c => c.Slug).SingleAsync(cancellationToken);

        var theirs = await db.CrewCalls.AsNoTracking().Include(c => c.Caller)
            .Where(c => c.CongregationId == congregationId && c.CallerUserId == userId && c.State == CrewCallState.Open)
            .ToListAsync(cancellationToken);
        foreach (var call in theirs)
        {
            await db.CrewCalls.Where(c => c.Id == call.Id && c.State == CrewCallState.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CrewCallState.Closed).SetProperty(c => c.ClosedAt, now), cancellationToken);
            var left = await CloseCall.CloseRequestsAsync(db, notices, call.Id, now, cancellationToken);
            await notices.SendAsync(left, "crew.call-closed", $"The call {call.Name} has closed", CallNotices.PathOf(slug, call.Id),
            [
                $"{call.Caller.DisplayName} is no longer in the congregation, so “{call.Name}” closes and your request ends here. None of this is about you.",
                "Other calls, a formation round, or a crew you call yourself are all ways in.",
            ], "See the calls", cancellationToken);
        }

        var asked = await db.CrewCallRequests.AsNoTracking().Include(r => r.Call).Include(r => r.User)
            .Where(r => r.UserId == userId && r.Call.CongregationId == congregationId && r.Call.State == CrewCallState.Open
                && (r.State == CrewCallRequestState.Waiting || r.State == CrewCallRequestState.Accepted))
            .ToListAsync(cancellationToken);
        foreach (var request in asked)
        {
            await db.CrewCallRequests.Where(r => r.Id == request.Id && r.State == request.State)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, CrewCallRequestState.Withdrawn).SetProperty(r => r.AnsweredAt, now), cancellationToken);
            await notices.ResolveAsync(CallNotices.RequestAbout(request.Id), null, cancellationToken);
            if (request.State == CrewCallRequestState.Accepted)
            {
                await db.CrewCalls.Where(c => c.Id == request.CallId && c.State == CrewCallState.Open && c.AcceptedCount > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptedCount, c => c.AcceptedCount - 1), cancellationToken);
                await notices.SendAsync([request.Call.CallerUserId], "crew.call-withdrawn", $"{request.User.DisplayName} stepped back from {request.Call.Name}",
                    CallNotices.PathOf(slug, request.CallId),
                [
                    $"{request.User.DisplayName} is no longer in the congregation, so their place in “{request.Call.Name}” is open again.",
                ], "See the call", cancellationToken);
            }
        }
    }
}
