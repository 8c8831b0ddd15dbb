namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>What a thread's title and a post may hold, and the checks the forms show beside their fields.</summary>
public static class ConversationLimits
{
    public const int Title = 200, Text = 10000, Reason = 500;

    public static string? TitleProblem(string title) => title.Trim() switch
    {
        { Length: 0 } => "Give the conversation a title in a line, such as “Lifts to the summer gathering”.",
        { Length: > Title } => $"Keep the title under {Title} characters; the first post has room for the rest.",
        _ => null,
    };

    public static string? TextProblem(string text) => text.Trim() switch
    {
        { Length: 0 } => "Write something first: a few words are enough.",
        { Length: > Text } => $"Keep a post under {Text:N0} characters; a second post can carry the rest.",
        _ => null,
    };

    public static string? ReasonProblem(string reason) => reason.Trim() switch
    {
        { Length: 0 } => "Say why in a line: everyone who sees the thread reads it.",
        { Length: > Reason } => $"Keep the reason under {Reason} characters.",
        _ => null,
    };
}
