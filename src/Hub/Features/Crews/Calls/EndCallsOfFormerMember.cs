using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// Someone who is no longer a member cannot call a crew there or be accepted into one: their open calls
/// close and their own requests are withdrawn, through the same steps as closing and withdrawing by hand,
/// and those concerned are told why.
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
            await CloseCall.CloseAsync(db, notices, call, slug, now, CallNotices.Ending.CallerLeft, cancellationToken);
        }

        var asked = await db.CrewCallRequests.AsNoTracking().Include(r => r.Call).Include(r => r.User)
            .Where(r => r.UserId == userId && r.Call.CongregationId == congregationId && r.Call.State == CrewCallState.Open
                && (r.State == CrewCallRequestState.Waiting || r.State == CrewCallRequestState.Accepted))
            .ToListAsync(cancellationToken);
        foreach (var request in asked)
        {
            await WithdrawRequest.WithdrawAsync(db, notices, request, request.Call, slug, now, CallNotices.StepBack.Left, cancellationToken);
        }
    }
}
