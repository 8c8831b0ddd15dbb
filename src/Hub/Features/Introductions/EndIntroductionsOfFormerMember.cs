using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>Someone who is no longer a member is not introduced there any more; their past introductions stay.</summary>
public sealed class EndIntroductionsOfFormerMember(HubDbContext db) : IMembershipEndedHandler
{
    public async Task MembershipEndedAsync(Guid congregationId, string userId, CancellationToken cancellationToken)
    {
        var row = await db.IntroductionMembers.SingleOrDefaultAsync(m => m.CongregationId == congregationId && m.UserId == userId, cancellationToken);
        if (row is not null)
        {
            db.IntroductionMembers.Remove(row);
        }
    }
}
