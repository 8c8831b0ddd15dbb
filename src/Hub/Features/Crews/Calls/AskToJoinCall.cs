using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// A member asks to join an open call with a short note for the caller, once: the caller then answers.
/// Someone who withdrew may ask again while the call is open.
/// </summary>
public sealed class AskToJoinCall(HubDbContext db, TimeProvider time, CallNotices notices, IStringLocalizer<Strings> strings)
{
    public const int MaxNote = 500;

    public async Task<Outcome> RunAsync(CallView view, string note, CancellationToken cancellationToken = default)
    {
        var call = view.Call;
        if (!view.Congregation.IsMember || view.UserId is not { } me)
        {
            return Outcome.Refused(strings["Crews.CallOps.OnlyMembersAsk", view.Congregation.Congregation.Name]);
        }
        if (view.IsCaller)
        {
            return Outcome.Refused(strings["Crews.CallOps.OwnCall"]);
        }
        if (!view.IsOpen)
        {
            return Outcome.Refused(strings["Crews.CallOps.HasClosed"]);
        }
        var caller = call.Caller.DisplayName;
        switch (view.Mine?.State)
        {
            case CrewCallRequestState.Waiting:
                return Outcome.Refused(strings["Crews.CallOps.AskedAlready", DateFormats.Format(view.Mine.AskedAt, "d MMMM"), caller]);
            case CrewCallRequestState.Accepted:
                return Outcome.Refused(strings["Crews.CallOps.AcceptedAlready", caller]);
            case CrewCallRequestState.Declined or CrewCallRequestState.CallClosed:
                return Outcome.Refused(strings["Crews.CallOps.AnsweredYours", caller]);
        }
        note = note.Trim();
        if (note.Length == 0)
        {
            return Outcome.Refused(strings["Crews.CallOps.WriteNote", caller], "Note");
        }
        if (note.Length > MaxNote)
        {
            return Outcome.Refused(strings["Crews.CallOps.NoteLength", MaxNote], "Note");
        }
        if (view.IsFull)
        {
            return Outcome.Refused(strings["Crews.CallOps.Full", caller]);
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
                return Outcome.Refused(strings["Crews.CallOps.AskedTwice"]);
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
