using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations.Concerns;

/// <summary>A member accepts the congregation's current agreements (on joining this happens with the join itself).</summary>
public sealed class AcceptAgreements(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        if (view.Membership is not { } membership)
        {
            return Outcome.Refused(strings["Congregations.Refused.AcceptJoinFirst"]);
        }
        if (view.Congregation.AgreementsPublishedAt is null)
        {
            return Outcome.Refused(strings["Congregations.Refused.NoAgreements"]);
        }
        // Saved through the change tracker, not in bulk: the saved membership empties the kept copies of it
        // (CongregationAccess), so the page no longer asks.
        if (await db.Memberships.SingleOrDefaultAsync(m => m.Id == membership.Id, cancellationToken) is not { } own)
        {
            return Outcome.Refused(strings["Congregations.Refused.AcceptJoinFirst"]);
        }
        own.AgreementsAcceptedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Whether a member is asked to accept the current agreements: published, and changed since they last accepted.</summary>
    public static bool IsAsked(CongregationView view) =>
        view.Membership is { } m && view.Congregation.AgreementsPublishedAt is { } published && (m.AgreementsAcceptedAt is not { } at || at < published);
}
