using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Features.Crews.Meetings;

/// <summary>
/// What every open room page shows, sent by the live stream whenever the room's version changes: the page's
/// script puts it in place. Times are milliseconds since 1970 (UTC); <see cref="Now"/> is the server's clock,
/// so a page whose device clock is off still counts down the same minutes as everyone else. While the timer is
/// paused, <see cref="Left"/> holds the milliseconds left and the page counts nothing down.
/// </summary>
public sealed record RoomState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("step")] int Step,
    [property: JsonPropertyName("steps")] int Steps,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("minutes")] int Minutes,
    [property: JsonPropertyName("endsAt")] long? EndsAt,
    [property: JsonPropertyName("paused")] bool Paused,
    [property: JsonPropertyName("left")] long? Left,
    [property: JsonPropertyName("now")] long Now,
    [property: JsonPropertyName("order")] IReadOnlyList<string> Order,
    [property: JsonPropertyName("next")] string Next,
    [property: JsonPropertyName("mayMove")] bool MayMove)
{
    /// <summary>The room's state in the reader's words (the request's language, also for each event of its live stream).</summary>
    public static RoomState Of(MeetingInRoom room, DateTime now, IStringLocalizer strings)
    {
        var step = room.Current;
        return new RoomState(room.Version, room.Step, room.Steps.Count, LabelOf(room, strings), step?.Slug ?? "", step?.Title ?? TitleOf(room, strings), step?.Summary ?? SummaryOf(room, strings),
            step?.Prompt ?? "", step?.Minutes ?? 0, room.EndsAt is { } ends ? Milliseconds(ends) : null, room.Paused,
            room.Paused && room.Left is { } left ? (long)left.TotalMilliseconds : null, Milliseconds(now),
            step is null ? [] : room.SpeakingOrder(step), NextLabel(room, strings), room.MayMove);
    }

    public static string LabelOf(MeetingInRoom room, IStringLocalizer strings) =>
        room.Over ? strings["Meetings.Room.Over"] : room.Begun ? strings["Meetings.Room.StepOf", room.Step + 1, room.Steps.Count] : strings["Meetings.Room.Before"];

    public static string TitleOf(MeetingInRoom room, IStringLocalizer strings) =>
        room.Over ? strings["Meetings.Room.ThankYou"] : room.Current?.Title ?? strings["Meetings.Room.Open"];

    public static string SummaryOf(MeetingInRoom room, IStringLocalizer strings) =>
        room.Over ? strings["Meetings.Room.OverSummary"] : room.Current?.Summary ?? strings["Meetings.Room.OpenSummary"];

    /// <summary>The words on the button that moves the room on.</summary>
    public static string NextLabel(MeetingInRoom room, IStringLocalizer strings) =>
        room.Over ? "" : room.Step + 1 >= room.Steps.Count ? strings["Meetings.Room.End"]
        : room.Begun ? strings["Meetings.Room.NextStep", room.Steps[room.Step + 1].Title] : strings["Meetings.Room.Begin", room.Steps[0].Title];

    private static long Milliseconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
