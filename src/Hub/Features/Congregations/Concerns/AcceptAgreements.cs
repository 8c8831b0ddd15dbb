using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>A member accepts the congregation's current agreements (on joining this happens with the join itself).</summary>
public sealed class AcceptAgreements(HubDbContext db, TimeProvider time)
{
    public async Task<Outcome> RunAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        if (view.Membership is not { } membership)
        {
            return Outcome.Refused("Members accept the agreements; join the congregation first.");
        }
        if (view.Congregation.AgreementsPublishedAt is null)
        {
            return Outcome.Refused("The congregation has not published agreements yet.");
        }
        await db.Memberships.Where(m => m.Id == membership.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AgreementsAcceptedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Whether a member is asked to accept the current agreements: published, and changed since they last accepted.</summary>
    public static bool IsAsked(CongregationView view) =>
        view.Membership is { } m && view.Congregation.AgreementsPublishedAt is { } published && (m.AgreementsAcceptedAt is not { } at || at < published);
}
