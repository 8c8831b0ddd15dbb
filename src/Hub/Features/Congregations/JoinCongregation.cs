using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>Joining an open congregation: at once, at its first level.</summary>
public sealed class JoinCongregation(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        if (view.UserId is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.SignInToJoin"]);
        }
        if (view.IsMember)
        {
            return Outcome.Refused(strings["Congregations.Refused.MemberAlready"]);
        }
        if (view.Congregation.Policy != MembershipPolicy.Open)
        {
            return Outcome.Refused(view.Congregation.Policy == MembershipPolicy.Request
                ? strings["Congregations.Refused.RequestFirst"]
                : strings["Congregations.Refused.InvitationOnly"]);
        }
        return await AddMemberAsync(db, view.Congregation.Id, view.UserId, time.GetUtcNow().UtcDateTime, cancellationToken)
            ? Outcome.Done
            : Outcome.Refused(strings["Congregations.Refused.MemberAlready"]);
    }

    /// <summary>Adds a member at the first level; false when they were one already (the unique index decides races).</summary>
    internal static async Task<bool> AddMemberAsync(HubDbContext db, Guid congregationId, string userId, DateTime now, CancellationToken cancellationToken)
    {
        var firstLevel = await db.MembershipLevels.Where(l => l.CongregationId == congregationId)
            .OrderBy(l => l.Rank).Select(l => l.Id).FirstAsync(cancellationToken);
        if (await db.Memberships.AnyAsync(m => m.CongregationId == congregationId && m.UserId == userId, cancellationToken))
        {
            return false;
        }
        // Joining accepts the agreements published at that moment: every way in says so before the person joins.
        var membership = new Membership { Id = Guid.NewGuid(), CongregationId = congregationId, UserId = userId, LevelId = firstLevel, JoinedAt = now, AgreementsAcceptedAt = now };
        db.Memberships.Add(membership);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(membership).State = EntityState.Detached;
            return false;
        }
    }
}
