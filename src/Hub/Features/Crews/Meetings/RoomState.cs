using System.Text.Json.Serialization;

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
    public static RoomState Of(MeetingInRoom room, DateTime now)
    {
        var step = room.Current;
        return new RoomState(room.Version, room.Step, room.Steps.Count, LabelOf(room), step?.Slug ?? "", step?.Title ?? TitleOf(room), step?.Summary ?? SummaryOf(room),
            step?.Prompt ?? "", step?.Minutes ?? 0, room.EndsAt is { } ends ? Milliseconds(ends) : null, room.Paused,
            room.Paused && room.Left is { } left ? (long)left.TotalMilliseconds : null, Milliseconds(now),
            step is null ? [] : room.SpeakingOrder(step), NextLabel(room), room.MayMove);
    }

    public static string LabelOf(MeetingInRoom room) =>
        room.Over ? "The meeting is over" : room.Begun ? $"Step {room.Step + 1} of {room.Steps.Count}" : "Before the meeting";

    public static string TitleOf(MeetingInRoom room) =>
        room.Over ? "Thank you, everyone" : room.Current?.Title ?? "The room is open";

    public static string SummaryOf(MeetingInRoom room) =>
        room.Over ? "Write your commitments and the crew's notes below, if you have not yet." : room.Current?.Summary ?? "When everyone is here, the host begins the first step.";

    /// <summary>The words on the button that moves the room on.</summary>
    public static string NextLabel(MeetingInRoom room) =>
        room.Over ? "" : room.Step + 1 >= room.Steps.Count ? "End the meeting" : room.Begun ? $"Next step: {room.Steps[room.Step + 1].Title}" : $"Begin: {room.Steps[0].Title}";

    private static long Milliseconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
