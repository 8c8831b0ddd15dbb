using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A member asks to join an open call with a short note for the caller, once: the caller then answers.
/// Someone who withdrew may ask again while the call is open.
/// </summary>
public sealed class AskToJoinCall(HubDbContext db, TimeProvider time, CallNotices notices)
{
    public const int MaxNote = 500;

    public async Task<Outcome> RunAsync(CallView view, string note, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.Congregation.IsMember || view.UserId is not { } me)
        {
            return Outcome.Refused($"Only members of {view.Congregation.Congregation.Name} ask to join its calls.");
        }
        if (view.IsCaller)
        {
            return Outcome.Refused("This is your own call: you are in the crew already.");
        }
        if (!view.IsOpen)
        {
            return Outcome.Refused("This call has closed and takes no more requests.");
        }
        var caller = call.Caller.DisplayName;
        switch (view.Mine?.State)
        {
            case CrewCallRequestState.Waiting:
                return Outcome.Refused($"You asked already, on {view.Mine.AskedAt:d MMMM}. {caller} will answer here; you can withdraw your request meanwhile.");
            case CrewCallRequestState.Accepted:
                return Outcome.Refused($"{caller} has accepted you already: you will be in the crew when it starts.");
            case CrewCallRequestState.Declined or CrewCallRequestState.CallClosed:
                return Outcome.Refused($"{caller} has answered your request already. Other calls may suit you better, or you can call a crew of your own.");
        }
        note = note.Trim();
        if (note.Length == 0)
        {
            return Outcome.Refused($"Write a line or two for {caller}: why this crew speaks to you, and when you are usually free.", "Note");
        }
        if (note.Length > MaxNote)
        {
            return Outcome.Refused($"Keep the note under {MaxNote} characters; you can say more when you meet.", "Note");
        }
        if (view.IsFull)
        {
            return Outcome.Refused($"Every place in this call is taken. {caller} may start the crew soon; another call, or your own, may suit you.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        CrewCallRequest request;
        if (view.Mine is { State: CrewCallRequestState.Withdrawn } withdrawn)
        {
            request = await db.CrewCallRequests.SingleAsync(r => r.Id == withdrawn.Id, cancellationToken);
            (request.State, request.Note, request.AskedAt, request.AnsweredAt, request.Reply) = (CrewCallRequestState.Waiting, note, now, null, "");
        }
        else
        {
            request = new CrewCallRequest { Id = Guid.NewGuid(), CallId = call.Id, UserId = me, Note = note, State = CrewCallRequestState.Waiting, AskedAt = now };
            db.CrewCallRequests.Add(request);
        }
        var asker = await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        await notices.ResolveAsync(CallNotices.CallAbout(call.Id), me, cancellationToken);
        await notices.RequestAsync(view.Congregation.Congregation.Slug, call, request.Id, asker, note, cancellationToken);
        try
        {
            // The request and its notices in one save: a notice exists exactly when its request does.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person asking twice at once (two tabs): the unique index keeps one request.
            if (await AskedAlreadyAsync(call.Id, me))
            {
                return Outcome.Refused("You asked already; the caller will answer here.");
            }
            throw;
        }
        notices.Wake();
        return Outcome.Done;

        async Task<bool> AskedAlreadyAsync(Guid callId, string userId)
        {
            db.ChangeTracker.Clear();
            return await db.CrewCallRequests.AnyAsync(r => r.CallId == callId && r.UserId == userId, CancellationToken.None);
        }
    }
}
