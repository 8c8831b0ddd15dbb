using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Congregations;

/// <summary>
/// Hosts choose whether an event a member proposes for the congregation goes up at once, or after a host's yes.
/// Members at a level that may host events, and the hosts themselves, never wait.
/// </summary>
public sealed class SetMembersEvents(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, bool atOnce, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused(strings["Congregations.Refused.MembersEventsOnlyHosts"]);
        }
        // Loaded and saved, so the interceptor that empties the congregation's cached pages sees the change.
        var congregation = await db.Congregations.SingleAsync(c => c.Id == view.Congregation.Id, cancellationToken);
        congregation.MembersEventsGoUpAtOnce = atOnce;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
