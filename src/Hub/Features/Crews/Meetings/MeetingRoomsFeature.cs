using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// Crew meetings' plans, case preparations, commitments and the meeting room, whose live stream
/// (<c>/crews/&lt;id&gt;/meetings/&lt;n&gt;/room/events</c>, server-sent events) sends the room's state when it changes.
/// Every change to a room says so (<see cref="LiveSignals"/>, topic <see cref="Topic"/>): the stream wakes on any web
/// node, reads the room's version from the database and sends the new state. No node keeps anything in memory
/// that another would need.
/// </summary>
public static class MeetingRoomsFeature
{
    /// <summary>
    /// On PostgreSQL an open stream reads the room's version at least this often even when no signal came: a
    /// notification is lost while a node's listening connection is down. Slow enough to cost nothing, quick enough
    /// for a meeting.
    /// </summary>
    public static readonly TimeSpan ReadAtLeastEvery = TimeSpan.FromSeconds(3);

    /// <summary>
    /// On SQLite signals stay inside one process, and a second process on the same file (a command, a second hub
    /// beside the first) cannot wake this one: the stream reads the room's version this often, as the room did before
    /// signals, so a move made anywhere still shows within a second. One indexed read of one row.
    /// </summary>
    public static readonly TimeSpan ReadOnSqliteEvery = TimeSpan.FromMilliseconds(250);

    public static string Topic(Guid meetingId) => $"room:{meetingId:N}";

    /// <summary>After a saved change to the room: every open page reads it again. Said even when the request is gone, since the change is saved.</summary>
    public static async Task<Outcome> ChangedAsync(LiveSignals live, HubDbContext db, MeetingInRoom room)
    {
        await live.TellAsync(db, Topic(room.Meeting.Id), CancellationToken.None);
        return Outcome.Done;
    }

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

    private static async Task StreamAsync(Guid id, int number, HttpContext http, MeetingRooms rooms, LiveSignals live, TimeProvider time, DatabaseOptions database)
    {
        using var stop = EventStreams.Lifetime(http);
        var room = await rooms.LoadAsync(id, number, http.User, stop.Token);
        if (room is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var strings = http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        using var watch = live.Watch(Topic(room.Meeting.Id));
        var sent = int.TryParse(http.Request.Headers["Last-Event-ID"], out var last) ? last : -1;
        await EventStreams.FollowAsync(http, watch, live.ReadAtLeastEvery(database.IsPostgres ? ReadAtLeastEvery : ReadOnSqliteEvery), async cancel =>
        {
            var version = await rooms.VersionAsync(room.Meeting.Id, cancel);
            if (version == sent)
            {
                return null;
            }
            room = await rooms.LoadAsync(room.View, room.Meeting, cancel);
            var state = RoomState.Of(room, time.GetUtcNow().UtcDateTime, strings);
            sent = state.Version;
            return $"id: {state.Version}\nevent: state\ndata: {JsonSerializer.Serialize(state)}\n\n";
        }, stop.Token);
    }
}
