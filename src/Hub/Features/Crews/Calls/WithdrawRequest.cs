using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// Someone who asked steps back, before or after being accepted, without giving a reason. An accepted place
/// opens again, and the caller hears of it; a request still waiting simply leaves the caller's list.
/// </summary>
public sealed class WithdrawRequest(HubDbContext db, TimeProvider time, CallNotices notices, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CallView view, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (view.Mine is not { State: CrewCallRequestState.Waiting or CrewCallRequestState.Accepted } mine)
        {
            return Outcome.Refused(strings["Crews.CallOps.NoOpenRequest"]);
        }
        if (!view.IsPending)
        {
            return Outcome.Refused(strings["Crews.CallOps.ClosedAlready"]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await WithdrawAsync(db, notices, mine, call, view.Congregation.Congregation.Slug, now, CallNotices.StepBack.Withdrew, cancellationToken))
        {
            return Outcome.Refused(strings["Crews.CallOps.ChangedMeanwhile"]);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }

    /// <summary>
    /// Withdraws a waiting or accepted request; an accepted place opens again and the caller is told, in
    /// <paramref name="why"/>. False when the request changed meanwhile. Runs inside the caller's transaction.
    /// </summary>
    internal static async Task<bool> WithdrawAsync(HubDbContext db, CallNotices notices, CrewCallRequest request, CrewCall call, string slug, DateTime now,
        CallNotices.StepBack why, CancellationToken cancellationToken)
    {
        var withdrawn = await db.CrewCallRequests.Where(r => r.Id == request.Id && r.State == request.State)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, CrewCallRequestState.Withdrawn).SetProperty(r => r.AnsweredAt, now), cancellationToken);
        if (withdrawn == 0)
        {
            return false;
        }
        await notices.ResolveAsync(CallNotices.RequestAbout(request.Id), null, cancellationToken);
        if (request.State == CrewCallRequestState.Accepted)
        {
            // Conditional on the call being still open: a crew already started keeps its members' count.
            await db.CrewCalls.Where(c => c.Id == call.Id && c.State == CrewCallState.Open && c.AcceptedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptedCount, c => c.AcceptedCount - 1), cancellationToken);
            await notices.SteppedBackAsync(slug, call, request.User.DisplayName, why, cancellationToken);
        }
        return true;
    }
}
