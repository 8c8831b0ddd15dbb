using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>The calls one posted and one's requests to join calls, with the notes and answers.</summary>
[PersonalDataOf(typeof(CrewCall), typeof(CrewCallRequest))]
internal sealed class CallPersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Crew calls";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var calls = await db.CrewCalls.CountAsync(c => c.CallerUserId == user.Id, cancellationToken);
        var requests = await db.CrewCallRequests.CountAsync(r => r.UserId == user.Id, cancellationToken);
        return [$"{calls} crew call(s) you posted, with the requests to join them, and {requests} request(s) of yours to join a call."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        Posted = await db.CrewCalls.Where(c => c.CallerUserId == user.Id).OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.Name,
                c.Purpose,
                Kind = c.Kind.ToString(),
                c.TimeZone,
                c.UsualDay,
                c.UsualTime,
                c.Size,
                c.EndsOn,
                State = c.State.ToString(),
                c.CreatedAt,
                // What others wrote to you, and your answers: both are part of the call you keep.
                Requests = c.Requests.Select(r => new { From = r.User.DisplayName, r.Note, State = r.State.ToString(), r.Reply, r.AskedAt, r.AnsweredAt }).ToList(),
            }).ToListAsync(cancellationToken),
        Requests = await db.CrewCallRequests.Where(r => r.UserId == user.Id).OrderBy(r => r.AskedAt)
            .Select(r => new { Call = r.Call.Name, r.Note, State = r.State.ToString(), r.Reply, r.AskedAt, r.AnsweredAt }).ToListAsync(cancellationToken),
    };

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        // Their calls and requests go with the account (cascade); a place they held in someone's open call opens again.
        var holding = await db.CrewCallRequests.Where(r => r.UserId == user.Id && r.State == CrewCallRequestState.Accepted)
            .Select(r => r.CallId).ToListAsync(cancellationToken);
        await db.CrewCalls.Where(c => holding.Contains(c.Id) && c.State == CrewCallState.Open && c.AcceptedCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptedCount, c => c.AcceptedCount - 1), cancellationToken);
        await db.CrewCallRequests.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.CrewCalls.Where(c => c.CallerUserId == user.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
