using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// The caller closes the call without starting a crew. Everyone still waiting or accepted hears it kindly,
/// and the announcement leaves the members' notices and digest.
/// </summary>
public sealed class CloseCall(HubDbContext db, TimeProvider time, CallNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CallView view, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.IsCaller)
        {
            return Outcome.Refused(strings["Crews.CallOps.OnlyCallerCloses"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await CloseAsync(db, notices, call, view.Congregation.Congregation.Slug, now, CallNotices.Ending.ClosedByCaller, cancellationToken))
        {
            return Outcome.Refused(strings["Crews.CallOps.ClosedAlready"]);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }

    /// <summary>
    /// Closes an open call without a crew: its open requests end and their askers are told <paramref name="why"/>. False when the call was no longer open. Runs inside the caller's transaction.
    /// </summary>
    internal static async Task<bool> CloseAsync(HubDbContext db, CallNotices notices, CrewCall call, string slug, DateTime now, CallNotices.Ending why,
        CancellationToken cancellationToken)
    {
        var closed = await db.CrewCalls.Where(c => c.Id == call.Id && c.State == CrewCallState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CrewCallState.Closed).SetProperty(c => c.ClosedAt, now), cancellationToken);
        if (closed == 0)
        {
            return false;
        }
        var left = await CloseRequestsAsync(db, notices, call.Id, now, cancellationToken);
        await notices.ClosedAsync(left, slug, call, call.Caller.DisplayName, why, cancellationToken);
        return true;
    }

    /// <summary>
    /// Ends the requests still open (waiting, and accepted unless <paramref name="keepAccepted"/>) and every notice
    /// about the call; returns whose requests ended, so they can be told. Runs inside the caller's transaction.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> CloseRequestsAsync(HubDbContext db, CallNotices notices, Guid callId, DateTime now,
        CancellationToken cancellationToken, bool keepAccepted = false)
    {
        var open = await db.CrewCallRequests.Where(r => r.CallId == callId
                && (r.State == CrewCallRequestState.Waiting || (!keepAccepted && r.State == CrewCallRequestState.Accepted)))
            .Select(r => new { r.Id, r.UserId }).ToListAsync(cancellationToken);
        var ids = open.Select(r => r.Id).ToList();
        await db.CrewCallRequests.Where(r => ids.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, CrewCallRequestState.CallClosed).SetProperty(r => r.AnsweredAt, now), cancellationToken);
        await notices.ResolveAsync(CallNotices.CallAbout(callId), null, cancellationToken);
        foreach (var id in ids)
        {
            await notices.ResolveAsync(CallNotices.RequestAbout(id), null, cancellationToken);
        }
        return [.. open.Select(r => r.UserId)];
    }
}
