using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// The caller accepts a request (taking one of the places, if one is left) or declines it with a few words
/// written for the person. Either way the request's notice is done and the person hears the answer.
/// </summary>
public sealed class AnswerJoinRequest(HubDbContext db, TimeProvider time, CallNotices notices)
{
    public const int MaxMessage = 1000;

    /// <summary>A draft of the words that go with a decline; the caller changes it as they like.</summary>
    public static string DefaultDecline(string askerName, string callerName, string congregation) =>
        $"Thank you for asking to join, {FirstName(askerName)}. I can't make room for you in this crew this time: it's about the mix of people and hours, not about you. "
        + $"I hope you find your crew soon. Other calls in {congregation} may fit, or you could call one of your own. Warmly, {FirstName(callerName)}";

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    public async Task<Outcome> RunAsync(CallView view, Guid requestId, bool accept, string message, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.IsCaller)
        {
            return Outcome.Refused("Only the person who posted the call answers its requests.");
        }
        if (!view.IsPending)
        {
            return Outcome.Refused("This call is closed: its requests cannot be answered any more.");
        }
        var request = view.Requests.FirstOrDefault(r => r.Id == requestId);
        if (request is null)
        {
            return Outcome.Refused("This request is not on this call.");
        }
        if (request.State != CrewCallRequestState.Waiting)
        {
            return Outcome.Refused(request.State == CrewCallRequestState.Withdrawn
                ? $"{request.User.DisplayName} withdrew this request." : $"You have answered {request.User.DisplayName} already.");
        }
        message = message.Trim();
        if (!accept && message.Length == 0)
        {
            return Outcome.Refused($"Write a few words for {request.User.DisplayName}: a decline is kinder with them. The draft is back in the box for you to change.", "Message");
        }
        if (message.Length > MaxMessage)
        {
            return Outcome.Refused($"Keep the message under {MaxMessage} characters.", "Message");
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
                return Outcome.Refused($"Every place is taken: the crew you called is {call.Size} with you. Decline kindly, or start the crew as it is.");
            }
        }
        var answered = await db.CrewCallRequests.Where(r => r.Id == request.Id && r.State == CrewCallRequestState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, accept ? CrewCallRequestState.Accepted : CrewCallRequestState.Declined)
                .SetProperty(r => r.Reply, message).SetProperty(r => r.AnsweredAt, now), cancellationToken);
        if (answered == 0)
        {
            return Outcome.Refused($"You have answered {request.User.DisplayName} already.");
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
