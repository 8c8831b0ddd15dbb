using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// For the hosts' care view: the members without a crew who are already on their way into one through a
/// call of this congregation that is still open (they posted it, or asked to join and were not declined).
/// Only that they did is shown, never what they wrote.
/// </summary>
public sealed class CallsAnswered(HubDbContext db) : ICrewPathSignal
{
    public string Label => "In an open crew call";

    public async Task<IReadOnlySet<string>> MembersAsync(Guid congregationId, CancellationToken cancellationToken)
    {
        var open = db.CrewCalls.AsNoTracking().Where(c => c.CongregationId == congregationId && c.State == CrewCallState.Open);
        var people = await open.Select(c => c.CallerUserId)
            .Union(open.SelectMany(c => c.Requests)
                .Where(r => r.State == CrewCallRequestState.Waiting || r.State == CrewCallRequestState.Accepted)
                .Select(r => r.UserId))
            .ToListAsync(cancellationToken);
        return people.ToHashSet();
    }
}
