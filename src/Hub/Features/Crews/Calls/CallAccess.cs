using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Congregations;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A call as one viewer sees it. The congregation view decides whether they are a member; the caller sees
/// every request with its note, anyone else only their own request and how many places are taken.
/// </summary>
public sealed record CallView(CongregationView Congregation, CrewCall Call, IReadOnlyList<CrewCallRequest> Requests, DateTime Now)
{
    public string? UserId => Congregation.UserId;
    public bool IsCaller => UserId is not null && Call.CallerUserId == UserId;

    /// <summary>Taking requests: open, and its end date not passed.</summary>
    public bool IsOpen => CallTimes.IsOpen(Call, Now);

    /// <summary>Not started or closed by the caller (its end date may have passed: the caller can still start the crew).</summary>
    public bool IsPending => Call.State == CrewCallState.Open;

    public CrewCallRequest? Mine => Requests.FirstOrDefault(r => r.UserId == UserId);
    public IReadOnlyList<CrewCallRequest> Accepted => [.. Requests.Where(r => r.State == CrewCallRequestState.Accepted).OrderBy(r => r.AnsweredAt)];
    public IReadOnlyList<CrewCallRequest> Waiting => [.. Requests.Where(r => r.State == CrewCallRequestState.Waiting).OrderBy(r => r.AskedAt)];

    /// <summary>Places for others: the size wanted less the caller.</summary>
    public int Places => Call.Size - 1;
    public bool IsFull => Call.AcceptedCount >= Places;
}

/// <summary>
/// Loads a call for the members of its congregation (and the network's administrators, who tend every
/// congregation). Anyone else gets nothing, as if the call did not exist.
/// </summary>
public sealed class CallAccess(HubDbContext db, TimeProvider time)
{
    public async Task<CallView?> LoadAsync(CongregationView congregation, Guid id, CancellationToken cancellationToken = default)
    {
        if (!congregation.CanSeeMembers)
        {
            return null;
        }
        var call = await db.CrewCalls.AsNoTracking().Include(c => c.Caller)
            .SingleOrDefaultAsync(c => c.Id == id && c.CongregationId == congregation.Congregation.Id, cancellationToken);
        if (call is null)
        {
            return null;
        }
        var me = congregation.UserId;
        // The notes are written for the caller: anyone else reads only their own request.
        var requests = await db.CrewCallRequests.AsNoTracking().Include(r => r.User)
            .Where(r => r.CallId == id && (call.CallerUserId == me || r.UserId == me))
            .ToListAsync(cancellationToken);
        return new CallView(congregation, call, requests, time.GetUtcNow().UtcDateTime);
    }
}
