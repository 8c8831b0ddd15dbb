using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>A member stops a monthly pledge. Months already paid still count; nothing is taken back.</summary>
public sealed class EndPledge(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(string userId, Guid pledgeId, CancellationToken cancellationToken = default)
    {
        var ended = await db.Pledges.Where(p => p.Id == pledgeId && p.UserId == userId && p.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.EndedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return ended == 1 ? Outcome.Done : Outcome.Refused(strings["Commons.Refused.PledgeEnded"]);
    }
}
