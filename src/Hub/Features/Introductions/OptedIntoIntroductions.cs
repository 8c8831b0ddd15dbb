using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>
/// For the hosts' care view: the members who asked to be introduced in this congregation and are not on
/// pause. Only that they did is shown, never what they share or whom they met.
/// </summary>
public sealed class OptedIntoIntroductions(HubDbContext db) : ICrewPathSignal
{
    public string Label => "Opted into introductions";

    public async Task<IReadOnlySet<string>> MembersAsync(Guid congregationId, CancellationToken cancellationToken) =>
        (await db.IntroductionMembers.AsNoTracking().Where(m => m.CongregationId == congregationId && !m.Paused)
            .Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
}
