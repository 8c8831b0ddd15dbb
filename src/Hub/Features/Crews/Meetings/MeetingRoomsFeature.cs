using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// Crew meetings' plans, case preparations, commitments and the meeting room, whose live stream
/// (<c>/crews/&lt;id&gt;/meetings/&lt;n&gt;/room/events</c>, server-sent events) reads the room's version from the
/// database a few times a second and sends the new state when it changes: every web node sees every move, and
/// no node keeps anything in memory that another would need.
/// </summary>
public static class MeetingRoomsFeature
{
    /// <summary>How often an open stream reads the room's version: a move reaches every page well within a second.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment line this often keeps proxies from closing a quiet stream.</summary>
    public static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    /// <summary>A stream ends after this long; the browser opens it again by itself.</summary>
    public static readonly TimeSpan LongestStream = TimeSpan.FromMinutes(30);

    public static WebApplicationBuilder AddMeetingRooms(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MeetingRooms>();
        builder.Services.AddScoped<MoveStep>();
        builder.Services.AddScoped<PauseTimer>();
        builder.Services.AddScoped<ResumeTimer>();
        builder.Services.AddScoped<SaveMeetingPlan>();
        builder.Services.AddScoped<SaveCrewPlan>();
        builder.Services.AddScoped<SaveCommitments>();
        builder.Services.AddScoped<SaveCasePreparation>();
        builder.Services.AddScoped<IPersonalData, MeetingPersonalData>();
        return builder;
    }

    public static WebApplication MapMeetingRooms(this WebApplication app)
    {
        app.MapGet("/crews/{id:guid}/meetings/{number:int}/room/events", StreamAsync);
        return app;
    }

    private static async Task StreamAsync(Guid id, int number, HttpContext http, MeetingRooms rooms, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        stop.CancelAfter(LongestStream);
        var cancel = stop.Token;
        var room = await rooms.LoadAsync(id, number, http.User, cancel);
        if (room is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass each event on at once
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var sent = int.TryParse(http.Request.Headers["Last-Event-ID"], out var last) ? last : -1;
        var quietSince = time.GetUtcNow();
        try
        {
            await http.Response.WriteAsync(": the room\n\n", cancel);
            await http.Response.Body.FlushAsync(cancel);
            while (!cancel.IsCancellationRequested)
            {
                var version = await rooms.VersionAsync(room.Meeting.Id, cancel);
                if (version != sent)
                {
                    room = await rooms.LoadAsync(room.View, room.Meeting, cancel);
                    var state = RoomState.Of(room, time.GetUtcNow().UtcDateTime);
                    await http.Response.WriteAsync($"id: {state.Version}\nevent: state\ndata: {JsonSerializer.Serialize(state)}\n\n", cancel);
                    await http.Response.Body.FlushAsync(cancel);
                    (sent, quietSince) = (state.Version, time.GetUtcNow());
                }
                else if (time.GetUtcNow() - quietSince > KeepAliveEvery)
                {
                    await http.Response.WriteAsync(": still here\n\n", cancel);
                    await http.Response.Body.FlushAsync(cancel);
                    quietSince = time.GetUtcNow();
                }
                await Task.Delay(PollEvery, time, cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The page closed, the stream reached its length or the hub is stopping: the browser reconnects if it is still open.
        }
    }
}
