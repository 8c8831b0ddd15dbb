using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// The caller accepts a request (taking one of the places, if one is left) or declines it with a few words
/// written for the person. Either way the request's notice is done and the person hears the answer.
/// </summary>
public sealed class AnswerJoinRequest(HubDbContext db, TimeProvider time, CallNotices notices, IStringLocalizer<Strings> strings)
{
    public const int MaxMessage = 1000;

    /// <summary>A draft of the words that go with a decline; the caller changes it as they like.</summary>
    public static string DefaultDecline(string askerName, string callerName, string congregation, IStringLocalizer strings) =>
        strings["Crews.CallPage.DeclineDraft", FirstName(askerName), congregation, FirstName(callerName)];

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    public async Task<Outcome> RunAsync(CallView view, Guid requestId, bool accept, string message, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.IsCaller)
        {
            return Outcome.Refused(strings["Crews.CallOps.OnlyCallerAnswers"]);
        }
        if (!view.IsPending)
        {
            return Outcome.Refused(strings["Crews.CallOps.ClosedNoAnswers"]);
        }
        var request = view.Requests.FirstOrDefault(r => r.Id == requestId);
        if (request is null)
        {
            return Outcome.Refused(strings["Crews.CallOps.NotOnCall"]);
        }
        if (request.State != CrewCallRequestState.Waiting)
        {
            return Outcome.Refused(request.State == CrewCallRequestState.Withdrawn
                ? strings["Crews.CallOps.WithdrewThis", request.User.DisplayName] : strings["Crews.CallOps.AnsweredAlready", request.User.DisplayName]);
        }
        message = message.Trim();
        if (!accept && message.Length == 0)
        {
            return Outcome.Refused(strings["Crews.CallOps.WriteWords", request.User.DisplayName], "Message");
        }
        if (message.Length > MaxMessage)
        {
            return Outcome.Refused(strings["Crews.CallOps.MessageLength", MaxMessage], "Message");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (accept)
        {
            // The place is taken by a conditional update on the call's row, so the size wanted holds.
            var taken = await db.CrewCalls.Where(c => c.Id == call.Id && c.State == CrewCallState.Open && c.AcceptedCount < c.Size - 1)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptedCount, c => c.AcceptedCount + 1), cancellationToken);
            if (taken == 0)
            {
                return Outcome.Refused(strings["Crews.CallOps.EveryPlaceTaken", call.Size]);
            }
        }
        var answered = await db.CrewCallRequests.Where(r => r.Id == request.Id && r.State == CrewCallRequestState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, accept ? CrewCallRequestState.Accepted : CrewCallRequestState.Declined)
                .SetProperty(r => r.Reply, message).SetProperty(r => r.AnsweredAt, now), cancellationToken);
        if (answered == 0)
        {
            return Outcome.Refused(strings["Crews.CallOps.AnsweredAlready", request.User.DisplayName]);
        }
        await notices.ResolveAsync(CallNotices.RequestAbout(request.Id), call.CallerUserId, cancellationToken);
        var caller = call.Caller.DisplayName;
        var slug = view.Congregation.Congregation.Slug;
        if (accept)
        {
            await notices.AcceptedAsync(request.UserId, slug, call, caller, cancellationToken);
        }
        else
        {
            await notices.DeclinedAsync(request.UserId, slug, call, caller, message, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notices.Wake();
        return Outcome.Done;
    }
}
